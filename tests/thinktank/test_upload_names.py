"""Stored file names are made by the server, never taken from the uploader."""

import re

from thinktank.uploads import ServerNamed


def test_an_image_keeps_an_image_extension_under_a_random_name():
    name = ServerNamed("covers")(None, "My Report (final).PNG")
    assert re.fullmatch(r"covers/[0-9a-f]{32}\.png", name)
    assert name != ServerNamed("covers")(None, "My Report (final).PNG")


def test_an_extension_that_is_not_allowed_is_replaced():
    # A file that passed the image check must not be served as a page.
    assert ServerNamed("experts")(None, "photo.html").endswith(".jpg")
    assert ServerNamed("experts")(None, "no-extension").endswith(".jpg")
    assert ServerNamed("pdfs", extensions=["pdf"])(None, "paper.exe").endswith(".pdf")
