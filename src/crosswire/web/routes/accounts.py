"""Sign-up, sign-in, sign-out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response

from crosswire.accounts import AccountError, authenticate, create_account
from crosswire.web.deps import state
from crosswire.web.forms import local_path, rate_limit, render, see_other
from crosswire.web.security import check_csrf, current_user, sign_in, sign_out

router = APIRouter(include_in_schema=False, dependencies=[Depends(check_csrf)])


@router.get("/signup", response_class=HTMLResponse)
def signup_form(request: Request, next: str = "/") -> Response:  # noqa: A002
    return render(request, "signup.html", name="", next=local_path(next), error=None)


@router.post("/signup", response_class=HTMLResponse)
def signup(
    request: Request,
    name: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    password2: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",  # noqa: A002
) -> Response:
    rate_limit(request, "signup")
    target = local_path(next)
    name = name.strip()
    try:
        if password != password2:
            raise AccountError("the two passwords differ")
        user = create_account(state(request).store, name, password)
    except AccountError as exc:
        return render(request, "signup.html", 400, name=name, next=target, error=str(exc))
    sign_in(request, user)
    return see_other(target)


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/") -> Response:  # noqa: A002
    return render(request, "login.html", name="", next=local_path(next), error=None)


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request,
    name: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",  # noqa: A002
) -> Response:
    name = name.strip()
    rate_limit(request, "login", user_key=name.lower() or None)
    target = local_path(next)
    user = authenticate(state(request).store, name, password)
    if user is None:
        return render(
            request, "login.html", 400, name=name, next=target, error="wrong name or password"
        )
    sign_in(request, user)
    return see_other(target)


@router.post("/logout")
def logout(request: Request) -> Response:
    if current_user(request) is not None:
        sign_out(request)
    return see_other("/")
