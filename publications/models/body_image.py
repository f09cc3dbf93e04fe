"""The media library: images that editors upload once and place as figures in structured bodies
(publications/body/), each with its alt text, caption and credit."""

from django.conf import settings
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from thinktank.uploads import ServerNamed, validate_image_upload

#: The folder of library images in the public media storage ("default").
LIBRARY_FOLDER = "library"


class BodyImage(models.Model):
    """One image of the library. Its file never changes after the upload (the form shows it
    read-only): bodies hold its URL, so a new image is a new row. Deleting a row that a body
    still shows is refused (services.body_image_delete)."""

    image = models.ImageField(
        _("image"),
        upload_to=ServerNamed(LIBRARY_FOLDER),
        validators=[validate_image_upload],
        help_text=_("JPEG, PNG or WebP. It cannot be replaced later: upload a new image instead."),
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        help_text=_(
            "What the image shows, for readers who cannot see it (screen readers, images off)."
        ),
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(
        _("credit"),
        max_length=200,
        blank=True,
        help_text=_("Who made the image or holds its rights, e.g. “© Jane Doe / Agency”."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = pgettext_lazy("media library", "library image")
        verbose_name_plural = pgettext_lazy("media library", "media library")

    def __str__(self):
        return self.alt_text

    @property
    def url(self):
        """The image's URL as bodies hold it (the storage's: `/media/library/…`, or the
        bucket's custom domain)."""
        return self.image.url

    def caption_text(self):
        """The figure's caption with the credit ("Caption. Credit: X"): the contract's subset
        has no element of its own for a credit."""
        credit = gettext("Credit: %(credit)s") % {"credit": self.credit} if self.credit else ""
        caption = self.caption.strip()
        if caption and credit and caption[-1] not in ".!?…":
            caption += "."
        return " ".join(part for part in (caption, credit) if part)

    def figure_html(self):
        """The figure to paste into a body (str, safe HTML of the contract's subset)."""
        caption = self.caption_text()
        if caption:
            return format_html(
                '<figure><img src="{}" alt="{}"><figcaption>{}</figcaption></figure>',
                self.url,
                self.alt_text,
                caption,
            )
        return format_html('<figure><img src="{}" alt="{}"></figure>', self.url, self.alt_text)
