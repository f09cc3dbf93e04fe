"""Submit the admin's real forms in tests: read the form a page rendered, as a browser would,
change some values, post it back."""

from html.parser import HTMLParser

from django.urls import reverse


def admin_url(model, view, *args):
    """The URL of an admin view of `model`: admin_url(Publication, "change", pk)."""
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def admin_pages(obj):
    """The changelist, add and change pages of the admin of `obj`'s model."""
    model = type(obj)
    return [
        admin_url(model, "changelist"),
        admin_url(model, "add"),
        admin_url(model, "change", obj.pk),
    ]


def form_errors(response):
    """Every error message of the admin form that `response` re-rendered, its inlines included,
    as one string (for the message of a failed assertion)."""
    errors = list(response.context["adminform"].form.errors.values())
    for formset in response.context["inline_admin_formsets"]:
        errors += [e for form_errors in formset.formset.errors for e in form_errors.values()]
        errors.append(formset.formset.non_form_errors())
    return " ".join(str(message) for error_list in errors for message in error_list)


class _FormParser(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data = []
        self.select = None
        self.select_multiple = False
        self.option = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.data.append((self.select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea:
            value = self.textarea[1]
            self.data.append((self.textarea[0], value[1:] if value.startswith("\n") else value))
            self.textarea = None

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data


def form_data(response, form_id="publication_form"):
    """{name: value or [values]} of the form `form_id` in the rendered page."""
    parser = _FormParser(form_id)
    parser.feed(response.content.decode())
    data = {}
    for name, value in parser.data:
        if "__prefix__" in name:
            continue
        if name in data:
            data[name] = (
                [*data[name], value] if isinstance(data[name], list) else [data[name], value]
            )
        else:
            data[name] = value
    for multiple in ("regions", "themes", "centers"):
        if multiple in data and not isinstance(data[multiple], list):
            data[multiple] = [data[multiple]]
    data.pop("csrfmiddlewaretoken", None)
    return data
