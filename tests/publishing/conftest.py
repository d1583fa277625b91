from tests.publishing.helpers import _fast_passwords, _fresh_throttles, make_key, published_claim  # noqa: F401
