"""Login throttling (django-axes): failed logins are counted per username and per client address;
past the limit even the right password answers 429 until the cool-off has passed; the client
address comes from TRUSTED_PROXY_COUNT, so a forged X-Forwarded-For changes nothing."""

import datetime

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import RequestFactory, override_settings

from thinktank.client_address import client_address

PASSWORD = "correct horse battery staple"
LOGIN = "/admin/login/?next=/admin/"
ATTACKER = "203.0.113.66"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user(
        "editor", "editor@example.org", PASSWORD, is_staff=True, is_superuser=True
    )


def login(client, username, password, **meta):
    meta.setdefault("REMOTE_ADDR", ATTACKER)
    return client.post(LOGIN, {"username": username, "password": password}, **meta)


def logged_in(response):
    return response.status_code == 302 and response.url == "/admin/"


def test_twenty_wrong_passwords_then_the_right_one_is_refused_with_429(client, editor):
    for _ in range(20):
        response = login(client, "editor", "wrong")
        assert response.status_code in (200, 429)  # the form again, then the lockout page
    response = login(client, "editor", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    page = response.content.decode()
    assert "Too many failed logins" in page
    assert "Try again in 15 minutes" in page
    # The page is in the site's layout, and says it in French on French requests too.
    assert '<html lang="en"' in page


def test_the_limit_is_reached_at_the_fifth_failure_not_before(client, editor):
    for _ in range(4):
        assert login(client, "editor", "wrong").status_code == 200
    assert logged_in(login(client, "editor", PASSWORD))


def test_one_account_attacked_from_many_addresses_is_locked(client, editor):
    for number in range(6):
        login(client, "editor", "wrong", REMOTE_ADDR=f"198.51.100.{number + 1}")
    response = login(client, "editor", PASSWORD, REMOTE_ADDR="192.0.2.200")
    assert response.status_code == 429


def test_one_address_spraying_many_accounts_is_locked(client, editor):
    for number in range(6):
        login(client, f"guess{number}", "wrong")
    assert login(client, "editor", PASSWORD).status_code == 429
    # Another address may still log in with that account.
    assert logged_in(login(client, "editor", PASSWORD, REMOTE_ADDR="192.0.2.200"))


@pytest.mark.parametrize(
    "forged",
    ["192.0.2.{n}", "192.0.2.{n}, 10.0.0.{n}", "2001:db8::{n}", "unknown{n}", "{n}.{n}.{n}.{n}, "],
)
def test_a_forged_x_forwarded_for_does_not_reset_the_count(client, editor, forged):
    """No proxy configured: the header is not read at all, whatever it holds."""
    for number in range(1, 7):
        login(client, f"guess{number}", "wrong", HTTP_X_FORWARDED_FOR=forged.format(n=number))
    response = login(client, "editor", PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.250")
    assert response.status_code == 429


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_client_is_the_address_the_proxy_added(client, editor):
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    for number in range(1, 7):
        # What the client wrote comes first; the proxy appended the address it saw.
        forged = f"192.0.2.{number}, {ATTACKER}"
        login(client, f"guess{number}", "wrong", HTTP_X_FORWARDED_FOR=forged, **proxy)
    locked = login(client, "editor", PASSWORD, HTTP_X_FORWARDED_FOR=ATTACKER, **proxy)
    assert locked.status_code == 429
    # Another reader behind the same proxy is not locked out with the attacker.
    other = login(client, "editor", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    assert logged_in(other)


def test_after_the_cool_off_the_right_password_works_again(client, editor):
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)) as clock:
        for _ in range(6):
            login(client, "editor", "wrong")
        assert login(client, "editor", PASSWORD).status_code == 429
        clock.shift(datetime.timedelta(minutes=14))
        assert login(client, "editor", PASSWORD).status_code == 429
        clock.shift(datetime.timedelta(minutes=2))
        assert logged_in(login(client, "editor", PASSWORD))


@override_settings(AXES_COOLOFF_TIME=datetime.timedelta(minutes=1))
def test_the_cool_off_follows_the_setting(client, editor):
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)) as clock:
        for _ in range(6):
            login(client, "editor", "wrong")
        response = login(client, "editor", PASSWORD)
        assert response.status_code == 429
        assert "Try again in 1 minute." in response.content.decode()
        clock.shift(datetime.timedelta(seconds=61))
        assert logged_in(login(client, "editor", PASSWORD))


def test_a_successful_login_clears_the_failures_before_the_limit(client, editor):
    for _ in range(4):
        login(client, "editor", "wrong")
    assert logged_in(login(client, "editor", PASSWORD))
    client.logout()
    for _ in range(4):
        login(client, "editor", "wrong")
    assert logged_in(login(client, "editor", PASSWORD))


# --- The client address itself ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("proxies", "remote_addr", "forwarded_for", "expected"),
    [
        (0, "203.0.113.5", None, "203.0.113.5"),
        (0, "203.0.113.5", "192.0.2.1", "203.0.113.5"),  # no proxy: the header is a lie
        (1, "127.0.0.1", "203.0.113.5", "203.0.113.5"),
        (1, "127.0.0.1", "192.0.2.1, 203.0.113.5", "203.0.113.5"),  # forged prefix ignored
        (1, "127.0.0.1", "192.0.2.1, 192.0.2.2, 203.0.113.5", "203.0.113.5"),
        (1, "127.0.0.1", "not-an-address, 203.0.113.5", "203.0.113.5"),
        (1, "127.0.0.1", "2001:db8::1", "2001:db8::1"),
        (2, "10.0.0.2", "192.0.2.1, 203.0.113.5, 10.0.0.1", "203.0.113.5"),
        (1, "127.0.0.1", None, "127.0.0.1"),  # reached the app without the proxy
        (1, "127.0.0.1", "garbage", "127.0.0.1"),
    ],
)
def test_client_address_is_taken_at_the_trusted_position(
    settings, proxies, remote_addr, forwarded_for, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    meta = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded_for
    assert client_address(RequestFactory().get("/", **meta)) == expected
