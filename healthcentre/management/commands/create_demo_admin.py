import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create (or reset) the demo superuser and print its login. For a demo machine only."

    def handle(self, *args, **options):
        username = os.environ.get("DEMO_ADMIN_USER", "admin")
        password = os.environ.get("DEMO_ADMIN_PASSWORD", "admin-demo-2025")
        User = get_user_model()
        user, _created = User.objects.get_or_create(username=username, defaults={"email": "admin@example.org"})
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Đăng nhập / Log in at http://127.0.0.1:8000/admin/  —  tài khoản: {username}  mật khẩu: {password}"
            )
        )
