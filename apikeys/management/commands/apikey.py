"""`manage.py apikey create NAME --user U --scope read --expires 90d`, `apikey list`, `apikey revoke PREFIX`."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from apikeys.models import ApiKey, Scope
from apikeys.services import ApiKeyError, api_key_create, api_key_revoke, parse_duration


class Command(BaseCommand):
    help = "Create, list and revoke API keys for newsroom tools."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Create a key and print its token once.")
        create.add_argument("name")
        create.add_argument("--user", required=True, help="The key acts as this user (roles apply).")
        create.add_argument("--scope", action="append", choices=Scope.values, required=True, dest="scopes")
        create.add_argument("--expires", default="", help="e.g. 90d, 12h; default: never")
        sub.add_parser("list", help="List keys (never their tokens).")
        revoke = sub.add_parser("revoke", help="Revoke a key by its prefix.")
        revoke.add_argument("prefix")

    def handle(self, *args, action: str, **options):
        if action == "create":
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No user {options['user']!r}.")
            try:
                expires = parse_duration(options["expires"]) if options["expires"] else None
                key, token = api_key_create(
                    name=options["name"], user=user, scopes=options["scopes"], expires_in=expires
                )
            except ApiKeyError as exc:
                raise CommandError(str(exc)) from None
            self.stdout.write(f"Created key {key.prefix} ({', '.join(key.scopes)}) for {user.get_username()}.")
            self.stdout.write("Token (shown once, store it now):")
            self.stdout.write(token)
        elif action == "list":
            for key in ApiKey.objects.select_related("user"):
                state = "active" if key.is_active else ("revoked" if key.revoked_at else "expired")
                self.stdout.write(
                    f"{key.prefix}  {key.name}  {key.user.get_username()}  {','.join(key.scopes)}  {state}  "
                    f"expires={key.expires_at or 'never'}  last_used={key.last_used_at or 'never'}"
                )
        elif action == "revoke":
            key = ApiKey.objects.filter(prefix=options["prefix"]).first()
            if key is None:
                raise CommandError(f"No key with prefix {options['prefix']!r}.")
            api_key_revoke(key=key)
            self.stdout.write(f"Revoked {key.prefix}.")
