"""The workbench's roles, as Django groups, and the checks views and services use."""

FACT_CHECKERS = "fact-checkers"
EDITORS = "editors"
ADMINS = "admins"
ALL_GROUPS = (FACT_CHECKERS, EDITORS, ADMINS)


def _groups(user) -> set[str]:
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_role_groups", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._role_groups = cached
    return cached


def is_admin(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or ADMINS in _groups(user)


def is_editor(user) -> bool:
    return is_admin(user) or EDITORS in _groups(user)


def is_fact_checker(user) -> bool:
    """Anyone on the desk: fact-checkers, editors and admins can work on claims."""
    return is_editor(user) or FACT_CHECKERS in _groups(user)
