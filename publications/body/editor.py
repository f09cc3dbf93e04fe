"""The body's editor in the admin: django-prose-editor (ProseMirror/Tiptap, its JavaScript
shipped in the package and served by the app as static files, no CDN), set to exactly the
contract's subset.

Toolbar: headings 2–4, bold, italic, links (http, https, mailto, `#note-N`), bulleted and
numbered lists, quotations, tables with header cells, figures (image URL from the media
library, alt text, caption), superscript, undo/redo and the HTML source view.

Notes, with no note extension in the editor: type the number where the note is referenced,
make it superscript and link it to `#note-N`; at the end, a numbered list whose style is
"List: Notes" (the block-style menu) holds the notes in order. The sanitiser gives the ids of
the contract's form (`ref-N`, `note-N`) from that structure, so nothing is lost though
ProseMirror does not keep ids; the source view accepts the contract's form as written.
Without JavaScript the field is a plain textarea of HTML; a text without any tag is read as
plain text (blank lines between paragraphs).
"""

from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorFormField
from django_prose_editor.widgets import AdminProseEditorWidget

from . import HTML, TEXT, sanitize_html, text_to_html

EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "Superscript": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "Figure": True,
    "Caption": True,
    "Image": True,
    "HTML": True,
    "NodeClass": {
        "cssClasses": {
            "orderedList": {
                "title": _("List"),
                "cssClasses": [{"className": "notes", "title": _("Notes")}],
            }
        }
    },
}


def editor_input(value):
    """What was typed, as HTML: a text with no tag (the textarea without JavaScript, an older
    plain-text body) becomes paragraphs."""
    value = value or ""
    return value if "<" in value else text_to_html(value)


class BodyEditorField(ProseEditorFormField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(
            config={"extensions": EXTENSIONS},
            sanitize=lambda value: sanitize_html(editor_input(value)),
            widget=AdminProseEditorWidget,
            **kwargs,
        )


class StructuredBodyFormMixin:
    """For a ModelForm of Publication: `body` in the editor; an older plain-text body is shown
    as paragraphs, and saving stores the body as HTML (`body_format = "html"`)."""

    class Meta:
        # Set by the form itself (below), never edited: out of every form built from this one.
        exclude = ["body_format"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("body")
        if field is None or field.disabled:
            return
        self.fields["body"] = BodyEditorField(
            label=field.label,
            help_text=_(
                "Headings, lists, quotations, tables, figures and notes. A note: its number in "
                "superscript, linked to #note-N; the notes in a numbered list styled "
                "“List: Notes” at the end. Pasted text keeps its structure; anything else is "
                "removed on save."
            ),
        )
        if self.instance.body_format == TEXT and self.instance.body:
            self.initial["body"] = text_to_html(self.instance.body)

    def _post_clean(self):
        if "body" in self.fields and not self.fields["body"].disabled:
            self.instance.body_format = HTML
        super()._post_clean()
