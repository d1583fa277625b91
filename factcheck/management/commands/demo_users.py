"""`manage.py demo_users`: a fact-checker, an editor and an admin for trying the workbench locally."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from factcheck import roles

DEMO_USERS = [
    ("checker", "checker-demo-pass", roles.FACT_CHECKERS, False),
    ("checker2", "checker2-demo-pass", roles.FACT_CHECKERS, False),
    ("editor", "editor-demo-pass", roles.EDITORS, False),
    ("editor2", "editor2-demo-pass", roles.EDITORS, False),
    ("admin", "admin-demo-pass", roles.ADMINS, True),
]


class Command(BaseCommand):
    help = "Create (or reset) the demo users and print their credentials. For local demos only."

    def handle(self, *args, **options):
        User = get_user_model()
        lines = []
        for username, password, group_name, is_admin in DEMO_USERS:
            user, _ = User.objects.get_or_create(username=username)
            user.set_password(password)
            user.is_staff = is_admin
            user.is_superuser = is_admin
            user.save()
            group, _ = Group.objects.get_or_create(name=group_name)
            user.groups.add(group)
            lines.append(f"  {group_name:<14} {username:<9} / {password}")
        self.stdout.write("Demo users (local demo only):\n" + "\n".join(lines))
