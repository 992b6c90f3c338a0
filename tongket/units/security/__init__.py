"""Signing in safely: throttled password sign-in (django-axes) with every failure audited,
two-factor sign-in (django-otp: an authenticator app and one-time recovery codes), and the
administrators' policy of who must use it.

logins.py     the login screen, lockout answer and failed sign-in audit
twofactor.py  services and selectors: enrolment, verification, recovery codes, policy
middleware.py sends a signed-in user who still owes a second factor to that step first
views.py      the screens
"""
