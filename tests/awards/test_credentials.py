"""Signed badge credentials: the VC-JWT (Open Badges 3.0 JSON Web Token Proof Format) and
its Ed25519 signature, the published keys (JWK Set, one JWK per key, RFC 7638 thumbprints),
key management and rotation, the system check, and the public page that verifies a pasted
or uploaded credential."""

from __future__ import annotations

import base64
import datetime
import hashlib
import json
import os
import stat

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.utils import timezone

from awards import checks, credential_signing, credentials
from awards.badge_models import BadgeAward
from awards.badges import grant_badges, revoke_badge
from awards.credential_signing import KeyUnavailable, SigningKey, TokenError
from evaluations.models import CustomerRating
from tests.evaluations.view_fixtures import build_organisation

VERIFY = "/awards/badges/verify/"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def parts(token: str) -> tuple[dict, dict, bytes]:
    header, payload, signature = token.split(".")
    return json.loads(unb64url(header)), json.loads(unb64url(payload)), unb64url(signature)


def raw_private(key: Ed25519PrivateKey) -> str:
    return base64.b64encode(
        key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    ).decode()


def raw_public(key: Ed25519PrivateKey) -> str:
    return base64.b64encode(
        key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    ).decode()


def forge(header: dict, payload: dict, key: Ed25519PrivateKey | None = None) -> str:
    """A compact JWS made by hand (not by the code under test)."""
    signing_input = f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(payload).encode())}"
    signature = key.sign(signing_input.encode()) if key is not None else b""
    return f"{signing_input}.{b64url(signature)}"


@pytest.fixture
def org(db):
    return build_organisation()


@pytest.fixture
def award(season, org):
    employee = org.staff[0]
    employee.email = "fatima@civil-affairs.example.gov"
    employee.save()
    moment = timezone.now() - datetime.timedelta(days=1)
    CustomerRating.objects.bulk_create(
        CustomerRating(employee=employee, submitted_at=moment, channel="centre", overall=5, counted=True)
        for _ in range(100)
    )
    grant_badges(season=season)
    return BadgeAward.objects.get()


@pytest.fixture
def token(client, award):
    client.force_login(award.employee.user)
    response = client.get(f"/en/awards/badges/{award.uid}/credential.jwt")
    assert response.status_code == 200
    client.logout()
    return response.content.decode()


# --- Known answers (RFC 8037, appendix A) ---------------------------------------------------

RFC8037_D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"
RFC8037_X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"


def test_rfc_8037_thumbprint_and_public_key():
    key = Ed25519PrivateKey.from_private_bytes(unb64url(RFC8037_D))
    jwk = credential_signing.public_jwk(key.public_key())
    assert jwk == {"kty": "OKP", "crv": "Ed25519", "x": RFC8037_X}
    assert credential_signing.jwk_thumbprint(jwk) == "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"


def test_rfc_8037_signature_verifies():
    token = (
        "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc."
        "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg"
    )
    header, payload, signature = token.split(".")
    public = Ed25519PublicKey.from_public_bytes(unb64url(RFC8037_X))
    public.verify(unb64url(signature), f"{header}.{payload}".encode())  # raises if the vector is wrong
    key = Ed25519PrivateKey.from_private_bytes(unb64url(RFC8037_D))
    assert b64url(key.sign(f"{header}.{payload}".encode())) == signature  # Ed25519 is deterministic


# --- Signing ----------------------------------------------------------------------------------


def test_signing_round_trip():
    key = SigningKey(Ed25519PrivateKey.generate())
    token = credential_signing.sign_jwt({"jti": "urn:x", "name": "شارة"}, key=key, kid=f"https://x/{key.thumbprint}")
    header, payload, signature = parts(token)
    assert header == {"alg": "EdDSA", "kid": f"https://x/{key.thumbprint}", "typ": "JWT"}
    assert payload == {"jti": "urn:x", "name": "شارة"}
    key.public_key.verify(signature, token.rsplit(".", 1)[0].encode())
    decoded = credential_signing.decode_jwt(token)
    keys = {key.thumbprint: credential_signing.VerificationKey(key.public_key, key.thumbprint, current=True)}
    assert credential_signing.verify_signature(decoded, keys).thumbprint == key.thumbprint


def test_the_signed_credential_is_the_open_badge_credential_with_its_claims(client, award, token):
    header, payload, _signature = parts(token)
    assert set(header) == {"alg", "kid", "typ"}
    assert header["alg"] == "EdDSA" and header["typ"] == "JWT"
    client.force_login(award.employee.user)
    unsigned = client.get(f"/en/awards/badges/{award.uid}/credential.json")
    assert unsigned.status_code == 200
    assert unsigned["Link"] == (
        f'<http://testserver/en/awards/badges/{award.uid}/credential.jwt>; rel="alternate"; type="application/vc+jwt"'
    )
    assert unsigned["Content-Disposition"] == f'attachment; filename="badge-{award.uid}-unsigned.json"'
    credential = json.loads(unsigned.content)
    claims = {name: payload.pop(name) for name in ("iss", "jti", "sub", "nbf")}
    assert payload == credential  # the payload is the credential itself (no "vc" wrapper)
    assert "vc" not in payload and "exp" not in claims and "proof" not in payload
    assert claims["iss"] == credential["issuer"]["id"] == "http://testserver/awards/badges/issuers/civil-affairs.json"
    assert claims["jti"] == credential["id"] == f"http://testserver/awards/badges/{award.uid}/"
    assert claims["sub"] == credential["credentialSubject"]["id"]
    assert claims["sub"].startswith("urn:uuid:") and "fatima" not in claims["sub"]
    assert claims["nbf"] == int(datetime.datetime.fromisoformat(credential["validFrom"]).timestamp())
    assert credential["validFrom"].endswith("Z")


def test_the_signature_verifies_offline_with_the_published_key(client, token):
    header, _payload, signature = parts(token)
    key_set = client.get("/.well-known/jwks.json")
    (jwk,) = [key for key in json.loads(key_set.content)["keys"] if key["kid"] == header["kid"]]
    public = Ed25519PublicKey.from_public_bytes(unb64url(jwk["x"]))
    public.verify(signature, token.rsplit(".", 1)[0].encode())  # raises InvalidSignature if not


def test_the_signed_download_statuses(client, award, org):
    url = f"/awards/badges/{award.uid}/credential.jwt"
    assert client.get(url).status_code == 403
    expected = {award.employee.user: 200, org.hr: 200, org.supervisor.user: 403, org.other_hr: 403}
    for user, status in expected.items():
        client.force_login(user)
        assert client.get(url).status_code == status, user
    client.force_login(award.employee.user)
    response = client.get(url)
    assert response["Content-Type"] == "application/vc+jwt"
    assert response["Content-Disposition"] == f'attachment; filename="badge-{award.uid}.jwt"'
    assert response["Cache-Control"] == "private, no-store"
    assert client.get("/awards/badges/00000000-0000-4000-8000-000000000000/credential.jwt").status_code == 404
    assert client.post(url).status_code == 405
    revoke_badge(award=award, by=org.hr, reason="Gaming.")
    gone = client.get(url)
    assert gone.status_code == 410 and "Gaming." not in gone.content.decode()


# --- Published keys -----------------------------------------------------------------------------


def test_the_key_set_publishes_the_public_key_under_its_thumbprint(client, token):
    response = client.get("/.well-known/jwks.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/jwk-set+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    (jwk,) = json.loads(response.content)["keys"]
    assert set(jwk) == {"kty", "crv", "x", "kid", "alg", "use"}  # never "d"
    assert (jwk["kty"], jwk["crv"], jwk["alg"], jwk["use"]) == ("OKP", "Ed25519", "EdDSA", "sig")
    # RFC 7638 by hand: the required members, sorted, no whitespace.
    canonical = '{"crv":"Ed25519","kty":"OKP","x":"' + jwk["x"] + '"}'
    thumbprint = b64url(hashlib.sha256(canonical.encode()).digest())
    assert jwk["kid"] == f"http://testserver/awards/badges/keys/{thumbprint}.json"
    header, _payload, _signature = parts(token)
    assert header["kid"] == jwk["kid"]
    single = client.get(f"/awards/badges/keys/{thumbprint}.json")
    assert single.status_code == 200 and single["Content-Type"] == "application/jwk+json"
    assert json.loads(single.content) == jwk
    missing = client.get("/awards/badges/keys/not-a-key.json")
    assert missing.status_code == 404 and missing["Content-Type"] == "application/json"
    assert client.post("/.well-known/jwks.json").status_code == 405


def test_rotation_keeps_old_credentials_verifying(client, award):
    old, new = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    with override_settings(BADGE_SIGNING_KEY=raw_private(old)):
        client.force_login(award.employee.user)
        token = client.get(f"/awards/badges/{award.uid}/credential.jwt").content.decode()
    with override_settings(BADGE_SIGNING_KEY=raw_private(new)):
        assert credentials.verify_badge_token(token).problems == ["unknown_key"]
    with override_settings(BADGE_SIGNING_KEY=raw_private(new), BADGE_PREVIOUS_PUBLIC_KEYS=[raw_public(old)]):
        verdict = credentials.verify_badge_token(token)
        assert verdict.valid and verdict.key.current is False
        assert verdict.key.thumbprint == SigningKey(old).thumbprint
        keys = json.loads(client.get("/.well-known/jwks.json").content)["keys"]
        assert [key["kid"].rsplit("/", 1)[1] for key in keys] == [
            f"{SigningKey(new).thumbprint}.json",
            f"{SigningKey(old).thumbprint}.json",
        ]
        fresh = client.get(f"/awards/badges/{award.uid}/credential.jwt").content.decode()
        assert credentials.verify_badge_token(fresh).key.current is True
        html = client.post("/en" + VERIFY, {"token": token}).content.decode()
        assert "Valid, made with a previous key of the portal" in html


# --- Key management and the system check ---------------------------------------------------------


def test_the_development_key_is_generated_once_with_mode_0600(tmp_path):
    path = tmp_path / "var" / "badge-signing-key.pem"
    with override_settings(BADGE_SIGNING_KEY=None, BADGE_SIGNING_KEY_FILE=path, BADGE_SIGNING_KEY_GENERATE=True):
        first = credential_signing.signing_key().thumbprint
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert path.read_text().startswith("-----BEGIN PRIVATE KEY-----")
        credential_signing._cache.clear()
        assert credential_signing.signing_key().thumbprint == first
    assert [p.name for p in path.parent.iterdir()] == ["badge-signing-key.pem"]  # no temporary file left


def test_pem_and_raw_base64_name_the_same_key():
    key = Ed25519PrivateKey.generate()
    pem = credential_signing.private_key_pem(key).decode()
    with override_settings(BADGE_SIGNING_KEY=pem):
        from_pem = credential_signing.signing_key().thumbprint
    with override_settings(BADGE_SIGNING_KEY=raw_private(key)):
        assert credential_signing.signing_key().thumbprint == from_pem == SigningKey(key).thumbprint


def test_production_never_generates_a_key(client, award, tmp_path):
    path = tmp_path / "key.pem"
    with override_settings(BADGE_SIGNING_KEY=None, BADGE_SIGNING_KEY_FILE=path, BADGE_SIGNING_KEY_GENERATE=False):
        with pytest.raises(KeyUnavailable):
            credential_signing.signing_key()
        client.force_login(award.employee.user)
        response = client.get(f"/en/awards/badges/{award.uid}/credential.jwt")
        assert response.status_code == 503
        assert json.loads(response.content)["error"].startswith("Signed credentials are unavailable")
        assert json.loads(client.get("/.well-known/jwks.json").content) == {"keys": []}
        assert [message.id for message in checks.badge_signing_keys()] == ["awards.W001"]
    assert not path.exists()


def test_the_check_accepts_good_keys_and_refuses_bad_ones():
    key = Ed25519PrivateKey.generate()
    with override_settings(BADGE_SIGNING_KEY=raw_private(key), BADGE_SIGNING_KEY_GENERATE=False):
        assert checks.badge_signing_keys() == []
    with override_settings(BADGE_SIGNING_KEY="not a key", BADGE_PREVIOUS_PUBLIC_KEYS=["AAAA", raw_public(key)]):
        assert [message.id for message in checks.badge_signing_keys()] == ["awards.E001", "awards.E002"]


# --- The verification page ---------------------------------------------------------------------


def test_the_verification_page_is_public_and_bilingual(client, db):
    arabic = client.get(VERIFY)
    assert arabic.status_code == 200
    html = arabic.content.decode()
    assert "csrfmiddlewaretoken" in html and 'enctype="multipart/form-data"' in html
    assert "التحقق من شهادة شارة" in html
    english = client.get("/en" + VERIFY)
    assert english.status_code == 200 and "Verify a badge credential" in english.content.decode()


def test_a_valid_credential_says_who_granted_what_to_whom(client, award, token):
    response = client.post("/en" + VERIFY, {"token": token})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Valid credential" in html and "Valid, made with the portal's current key" in html
    assert "A hundred five-star ratings" in html and "Fatima Zahrani" in html and "Civil Affairs" in html
    assert "fatima@" not in html and award.employee.employee_id not in html
    verdict = credentials.verify_badge_token(token)
    assert verdict.valid and verdict.award == award and verdict.problems == []


def test_an_uploaded_file_verifies_like_a_pasted_one(client, token):
    upload = SimpleUploadedFile("badge.jwt", token.encode(), content_type="application/vc+jwt")
    response = client.post("/en" + VERIFY, {"upload": upload})
    assert response.status_code == 200 and "Valid credential" in response.content.decode()


def test_a_tampered_payload_fails(client, token):
    header, payload, signature = token.split(".")
    credential = json.loads(unb64url(payload))
    credential["credentialSubject"]["achievement"]["name"] = "A thousand five-star ratings"
    tampered = f"{header}.{b64url(json.dumps(credential).encode())}.{signature}"
    assert credentials.verify_badge_token(tampered).problems == ["signature"]
    response = client.post("/en" + VERIFY, {"token": tampered})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Not a valid credential" in html and "Its signature does not match" in html
    assert "Valid credential" not in html


def test_a_credential_signed_by_another_key_fails(token):
    header, payload, _signature = parts(token)
    stranger = Ed25519PrivateKey.generate()
    # Our kid, someone else's signature.
    assert credentials.verify_badge_token(forge(header, payload, stranger)).problems == ["signature"]
    # Their own key, named by kid or embedded as a jwk: not one of ours.
    own_kid = {**header, "kid": f"https://elsewhere.example/{SigningKey(stranger).thumbprint}"}
    assert credentials.verify_badge_token(forge(own_kid, payload, stranger)).problems == ["unknown_key"]
    embedded = {"alg": "EdDSA", "typ": "JWT", "jwk": credential_signing.public_jwk(stranger.public_key())}
    assert credentials.verify_badge_token(forge(embedded, payload, stranger)).problems == ["unknown_key"]


def test_claims_that_contradict_the_credential_fail(award, token):
    header, payload, _signature = parts(token)
    key = credential_signing.signing_key().private_key
    for change in ({"jti": "urn:uuid:other"}, {"sub": "urn:uuid:other"}, {"nbf": payload["nbf"] + 60}, {"iss": "x"}):
        assert credentials.verify_badge_token(forge(header, {**payload, **change}, key)).problems == ["claims"]
    lapsed = timezone.now() - datetime.timedelta(days=1)
    expired = {
        **payload,
        "validUntil": lapsed.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "exp": int(lapsed.replace(microsecond=0).timestamp()),
    }
    verdict = credentials.verify_badge_token(forge(header, expired, key))
    assert verdict.problems == ["expired"] and verdict.award == award


def test_a_revoked_badge_does_not_verify(client, award, org, token):
    revoke_badge(award=award, by=org.hr, reason="A secret reason.")
    verdict = credentials.verify_badge_token(token)
    assert verdict.signature_valid and not verdict.valid and verdict.problems == ["revoked"]
    response = client.post("/en" + VERIFY, {"token": token})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Revoked credential" in html and "The badge was revoked. The reason is not shown publicly." in html
    assert "A secret reason." not in html and "Valid credential" not in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"token": ""}, "Paste a signed credential or choose its file."),
        ({"token": "hello world"}, "This is not a signed credential"),
        ({"token": "a.b"}, "This is not a signed credential"),
        ({"token": "e30.e30.!!"}, "This is not a signed credential"),
        ({"token": "x" * 20_000}, "The text is longer than any badge credential"),
    ],
)
def test_bad_input_gets_400_and_a_message(client, db, data, message):
    response = client.post("/en" + VERIFY, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"


def test_alg_none_and_other_algorithms_are_refused(client, token):
    _header, payload, _signature = parts(token)
    unsigned = forge({"alg": "none", "typ": "JWT"}, payload)
    response = client.post("/en" + VERIFY, {"token": unsigned})
    assert response.status_code == 400
    assert "The credential names the signing algorithm “none”" in response.content.decode()
    with pytest.raises(TokenError) as refused:
        credentials.verify_badge_token(forge({"alg": "HS256", "typ": "JWT"}, payload))
    assert refused.value.code == "algorithm"
    with pytest.raises(TokenError) as refused:
        credentials.verify_badge_token(forge({"alg": "EdDSA", "typ": "JWT", "crit": ["b64"]}, payload))
    assert refused.value.code == "header"


def test_bad_input_is_answered_in_arabic_by_default(client, db):
    response = client.post(VERIFY, {"token": "hello"})
    assert response.status_code == 400
    assert "هذه ليست شهادة موقّعة" in response.content.decode()


def test_an_oversized_or_binary_upload_is_refused(client, db):
    big = SimpleUploadedFile("big.jwt", b"a" * (64 * 1024 + 1))
    response = client.post("/en" + VERIFY, {"upload": big})
    assert response.status_code == 400 and "The file is larger than 64 kilobytes" in response.content.decode()
    binary = SimpleUploadedFile("badge.png", b"\x89PNG\r\n\x1a\n\xff\xfe")
    response = client.post("/en" + VERIFY, {"upload": binary})
    assert response.status_code == 400 and "The file is not text" in response.content.decode()


def test_the_form_needs_its_csrf_token(db):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/en" + VERIFY, {"token": "a.b.c"}).status_code == 403


def test_the_badge_pages_offer_both_downloads_and_the_verifier(client, award):
    client.force_login(award.employee.user)
    html = client.get(f"/en/awards/people/{award.employee.employee_id}/").content.decode()
    assert f"/en/awards/badges/{award.uid}/credential.jwt" in html
    assert "Download the signed credential (Open Badges 3.0, VC-JWT)" in html
    assert "Download the credential unsigned (JSON-LD)" in html
    assert "/en/awards/badges/verify/" in html
    public = client.get(f"/en/awards/badges/{award.uid}/").content.decode()
    assert "/en/awards/badges/verify/" in public


# --- Revocation a verifier checks offline (W3C Bitstring Status List) -----------------------------


def decode_list(encoded: str) -> bytes:
    """A verifier's reading of ``encodedList``, written here from the specification."""
    import gzip

    assert encoded.startswith("u")  # multibase base64url, no padding
    return gzip.decompress(unb64url(encoded[1:]))


def bit(bits: bytes, index: int) -> int:
    return (bits[index // 8] >> (7 - index % 8)) & 1  # position 0 is the first byte's top bit


def fetch_status_list(client, credential: dict) -> tuple[dict, dict]:
    status = credential["credentialStatus"]
    response = client.get(status["statusListCredential"].removeprefix("http://testserver"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    assert response["Cache-Control"] == "public, max-age=300"
    header, payload, signature = parts(response.content.decode())
    key_set = json.loads(client.get("/.well-known/jwks.json").content)
    (jwk,) = [key for key in key_set["keys"] if key["kid"] == header["kid"]]
    Ed25519PublicKey.from_public_bytes(unb64url(jwk["x"])).verify(
        signature, response.content.decode().rsplit(".", 1)[0].encode()
    )
    return status, payload


def test_a_credential_names_its_place_in_the_issuers_revocation_list(client, award, token):
    _header, credential, _signature = parts(token)
    status = credential["credentialStatus"]
    list_url = "http://testserver/awards/badges/issuers/civil-affairs/revocation-list.jwt"
    assert status == {
        "id": f"{list_url}#{award.status_index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(award.status_index),
        "statusListCredential": list_url,
    }
    assert 0 <= award.status_index < 131_072


def test_the_signed_list_sets_the_bit_of_a_revoked_badge_only(client, award, org, token):
    _header, credential, _signature = parts(token)
    status, listed = fetch_status_list(client, credential)
    assert listed["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert listed["issuer"] == credential["issuer"]["id"] == listed["iss"]
    assert listed["id"] == status["statusListCredential"] == listed["jti"]
    subject = listed["credentialSubject"]
    assert (subject["type"], subject["statusPurpose"]) == ("BitstringStatusList", "revocation")
    bits = decode_list(subject["encodedList"])
    assert len(bits) * 8 == 131_072 and not any(bits)

    revoke_badge(award=award, by=org.hr, reason="A secret reason.")
    _status, listed = fetch_status_list(client, credential)
    bits = decode_list(listed["credentialSubject"]["encodedList"])
    assert bit(bits, int(status["statusListIndex"])) == 1
    assert sum(bin(byte).count("1") for byte in bits) == 1
    assert "secret" not in json.dumps(listed) and "fatima" not in json.dumps(listed)


def test_each_badge_draws_its_own_position_and_a_grant_run_stays_idempotent(season, org):
    moment = timezone.now() - datetime.timedelta(days=1)
    for employee in org.staff[:3]:
        CustomerRating.objects.bulk_create(
            CustomerRating(employee=employee, submitted_at=moment, channel="centre", overall=5, counted=True)
            for _ in range(100)
        )
    grant_badges(season=season)
    positions = list(BadgeAward.objects.values_list("status_index", flat=True))
    assert len(positions) >= 3 and None not in positions and len(set(positions)) == len(positions)
    assert grant_badges(season=season).total == 0
    assert list(BadgeAward.objects.values_list("status_index", flat=True)) == positions


def test_another_agencys_revocations_are_not_in_this_list(client, award, org):
    from awards.badges import open_badge_credential

    other_agency = org.other_agency
    assert client.get(f"/awards/badges/issuers/{other_agency.slug}/revocation-list.jwt").status_code == 200
    revoke_badge(award=award, by=org.hr, reason="A reason.")
    credential = open_badge_credential(award, absolute=lambda path: f"http://testserver{path}")
    _status, listed = fetch_status_list(client, credential)
    assert any(decode_list(listed["credentialSubject"]["encodedList"]))
    other = parts(client.get(f"/awards/badges/issuers/{other_agency.slug}/revocation-list.jwt").content.decode())[1]
    assert not any(decode_list(other["credentialSubject"]["encodedList"]))
    assert client.get("/awards/badges/issuers/no-such-agency/revocation-list.jwt").status_code == 404


@pytest.mark.parametrize("revoked", [[], [0], [7, 8], [131_071], [3, 99_999, 131_070]])
def test_the_encoded_list_reads_back_as_written(revoked):
    from awards.status_list import encoded_list

    bits = decode_list(encoded_list(revoked))
    assert [index for index in range(131_072) if bit(bits, index)] == sorted(revoked)


def test_drawn_positions_avoid_the_taken_ones():
    from awards.status_list import LIST_LENGTH, draw_indexes

    taken = set(range(0, LIST_LENGTH, 2))
    drawn = draw_indexes(1000, taken=taken)
    assert len(set(drawn)) == 1000 and not set(drawn) & taken
    with pytest.raises(ValueError, match="full"):
        draw_indexes(LIST_LENGTH - len(taken) + 1, taken=taken)
