"""Two editors, one lost edit no more: optimistic concurrency for every change form of the admin.

When a change form is shown, it carries a version token: for each thing the form edits (each
field, and the rows of each editable inline such as a publication's authors) a digest of the
value it was opened with. When it is saved, the values now stored are read again (the row
locked until the save ends) and compared with the token. If anything changed since the form was
opened, nothing is saved: the form comes back with everything the editor typed, and a table
names each part that someone else changed, with their value and the editor's, and who saved in
between. Beside each part, "keep their value" is ticked when the editor had not changed that
part (so saving again keeps both edits) and left unticked when both changed it (the editor's
value wins only if they choose so). The token of the form that comes back is the new stored
state, so the second save is a choice made knowing what the other editor did.

Why digests of the edited values rather than a version column (django-concurrency, which is
maintained and supports Django 5.2): a version column belongs to the row, so every write path
(the importer, the status services, PDF processing in a background task, revision restore)
would bump or check it, giving conflicts to tasks that edit no field the editor sees; a
publication's authors live in other rows whose changes do not bump the publication's version;
and django-concurrency's admin says only "Record Modified", without naming fields or values,
which is what editors need. Comparing the values the form shows catches a change made by any
path, costs no migration, and reports exactly what differs.

Which parts are compared: the form's fields, and the initial rows of the inlines this editor may
change (read-only inlines such as old URLs or review comments cannot be overwritten by a stale
form, so they are not guarded).
"""

import datetime
import hashlib
import json
from dataclasses import dataclass, field

from django import forms
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.db.models.fields.files import FieldFile
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

TOKEN_FIELD = "_edit_base"
KEEP_THEIRS_FIELD = "_edit_keep_theirs"
SALT = "thinktank.edit_conflicts"
INLINE = "inline:"
EMPTY = "—"
#: Formset bookkeeping fields, not values an editor edits.
FORMSET_FIELDS = {"id", "DELETE", "ORDER"}


# --- Values: one canonical text for comparing, one display text for people --------------------
def _is_file(value):
    return isinstance(value, FieldFile | UploadedFile)


def _canonical(form_field, value):
    """A stable text for a form value, the same whether it comes from the database (a field's
    initial value) or from a submitted form (its cleaned value)."""
    if value is None or (value is False and isinstance(form_field, forms.FileField)):
        return ""  # no value, or a file the editor cleared
    if isinstance(value, bool):
        return "1" if value else "0"
    if hasattr(value, "_meta"):  # a model instance: its key
        return str(value.pk)
    if _is_file(value):
        return value.name or ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = value.astimezone(datetime.UTC)
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset | QuerySet):
        return json.dumps(sorted(_canonical(None, item) for item in value))
    # Browsers send a textarea's line breaks as CRLF; text stored by an import has LF.
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def _digest(text):
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def _display(form_field, value):
    """What an editor reads for a value: choice labels, object names, file names, dates."""
    if _canonical(form_field, value) in ("", "[]"):
        return EMPTY
    if isinstance(form_field, forms.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(form_field, forms.ModelMultipleChoiceField):
        items = list(value)
        if items and not hasattr(items[0], "_meta"):
            items = list(form_field.queryset.filter(pk__in=items))
        return ", ".join(sorted(str(item) for item in items)) or EMPTY
    if isinstance(form_field, forms.ModelChoiceField):
        if not hasattr(value, "_meta"):
            value = form_field.queryset.filter(pk=value).first() or value
        return str(value)
    if isinstance(form_field, forms.ChoiceField):
        labels = {}
        for key, label in form_field.choices:
            if isinstance(label, list | tuple):
                labels.update({str(k): v for k, v in label})
            else:
                labels[str(key)] = label
        return str(labels.get(str(value), value))
    if isinstance(value, datetime.datetime):
        return formats.localize(timezone.localtime(value) if timezone.is_aware(value) else value)
    if isinstance(value, datetime.date):
        return formats.localize(value)
    if _is_file(value):
        return value.name
    return str(value)


@dataclass
class Part:
    """One thing a change form edits: a field, or the rows of an inline."""

    name: str
    label: str
    canonical: str
    display: str

    @property
    def digest(self):
        return _digest(self.canonical)


def _field_parts(form, *, values):
    """Parts for the fields of `form`; `values(name)` gives each field's value."""
    parts = {}
    model_fields = {f.name for f in form._meta.model._meta.get_fields()}
    for name, form_field in form.fields.items():
        if name not in model_fields:
            continue  # a choice the form offers (a confirmation box), not a stored value
        value = values(name)
        parts[name] = Part(
            name=name,
            label=str(form_field.label or name),
            canonical=_canonical(form_field, value),
            display=_display(form_field, value),
        )
    return parts


def _row(form, *, values, skip):
    names = [name for name in form.fields if name not in skip]
    canonical = json.dumps([_canonical(form.fields[name], values(form, name)) for name in names])
    display = " · ".join(_display(form.fields[name], values(form, name)) for name in names)
    return canonical, display


def _inline_part(formset, rows):
    rows = sorted(rows)
    label = str(formset.model._meta.verbose_name_plural)
    return Part(
        name=INLINE + formset.prefix,
        label=label[:1].upper() + label[1:],
        canonical=json.dumps([canonical for canonical, _display in rows]),
        display="\n".join(display for _canonical, display in rows) or EMPTY,
    )


def _skip(formset):
    return FORMSET_FIELDS | {getattr(formset, "fk", None) and formset.fk.name}


def stored_parts(form, formsets):
    """The parts of an unbound change form and its formsets: the values they were opened with."""
    parts = _field_parts(form, values=lambda name: form[name].initial)

    def initial(row_form, name):
        return row_form[name].initial

    for formset in formsets:
        rows = [
            _row(row_form, values=initial, skip=_skip(formset))
            for row_form in formset.initial_forms
        ]
        part = _inline_part(formset, rows)
        parts[part.name] = part
    return parts


def submitted_parts(form, formsets):
    """The parts of a submitted change form and its formsets: what the editor sent."""

    def sent(bound_form, name):
        if name in getattr(bound_form, "cleaned_data", {}):
            return bound_form.cleaned_data[name]
        return bound_form[name].value()

    parts = _field_parts(form, values=lambda name: sent(form, name))
    for formset in formsets:
        rows = []
        for row_form in formset.forms:
            data = getattr(row_form, "cleaned_data", {})
            if data.get("DELETE") or (
                row_form in formset.extra_forms and not row_form.has_changed()
            ):
                continue
            rows.append(_row(row_form, values=sent, skip=_skip(formset)))
        part = _inline_part(formset, rows)
        parts[part.name] = part
    return parts


# --- The token -------------------------------------------------------------------------------
def make_token(obj, parts):
    """A signed token naming the object, when the form was opened, and a digest per part."""
    return signing.dumps(
        {
            "object": f"{obj._meta.label_lower}:{obj.pk}",
            "at": timezone.now().timestamp(),
            "parts": {name: part.digest for name, part in parts.items()},
        },
        salt=SALT,
        compress=True,
    )


def read_token(token, obj):
    """The payload of a token made for `obj`, or None when it is missing, tampered or another
    object's."""
    try:
        payload = signing.loads(token, salt=SALT)
    except (signing.BadSignature, TypeError):
        return None
    if (
        not isinstance(payload, dict)
        or payload.get("object") != f"{obj._meta.label_lower}:{obj.pk}"
    ):
        return None
    return payload


# --- Conflicts -------------------------------------------------------------------------------
@dataclass
class ConflictPart:
    name: str
    label: str
    theirs: str
    base_digest: str
    yours: str = ""
    you_changed: bool = True


@dataclass
class Conflict:
    """What changed since an editor opened a form; `token` is the state now stored."""

    parts: list[ConflictPart]
    token: str
    since: datetime.datetime | None
    editors: list[str] = field(default_factory=list)

    def fill_yours(self, submitted, kept=()):
        """Add the editor's values, and whether the editor changed each part at all (a part
        whose stored value the editor chose to keep after an earlier conflict is not theirs)."""
        for part in self.parts:
            mine = submitted.get(part.name)
            if mine is None:
                continue
            part.yours = mine.display
            part.you_changed = part.name not in kept and mine.digest != part.base_digest


def find_conflict(obj, token, current):
    """The Conflict between a form opened with `token` and the `current` stored parts of `obj`,
    or None when nothing the form edits has changed. Raises ValidationError for a token that
    cannot be read (a tampered form, or one of another object)."""
    payload = read_token(token, obj)
    if payload is None:
        raise ValidationError(
            gettext_lazy(
                "This form could not be checked against the saved version. Nothing was saved; "
                "your input is still in the form: save again to store it as shown."
            ),
            code="edit_token_invalid",
        )
    base = payload["parts"]
    changed = [
        ConflictPart(
            name=name,
            label=part.label,
            theirs=part.display,
            base_digest=base.get(name, ""),
        )
        for name, part in current.items()
        if base.get(name) != part.digest
    ]
    if not changed:
        return None
    since = datetime.datetime.fromtimestamp(payload["at"], tz=datetime.UTC)
    return Conflict(parts=changed, token=make_token(obj, current), since=since)


def editors_since(obj, since):
    """Who saved `obj` in the admin after `since`, newest first: "name (time)" texts."""
    entries = (
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=str(obj.pk),
            action_time__gt=since,
        )
        .select_related("user")
        .order_by("-action_time")
    )
    return [
        f"{entry.user.get_username()} ({formats.localize(timezone.localtime(entry.action_time))})"
        for entry in entries
    ]
