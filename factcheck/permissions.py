"""Role checks for web views: the desk (fact-checkers, editors, admins) and editors."""

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied

from factcheck import roles


def _role_required(check: Callable, what: str):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not check(request.user):
                raise PermissionDenied(f"Only {what} can do this.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


desk_required = _role_required(roles.is_fact_checker, "fact-checkers and editors")
editor_required = _role_required(roles.is_editor, "editors")
