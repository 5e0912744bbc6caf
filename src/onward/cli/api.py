"""``onward api token``: personal access tokens for the JSON API under /api/v1/."""

from __future__ import annotations

import typer

from onward.formats import formats

app = typer.Typer(help="The JSON API: personal access tokens.", no_args_is_help=True)


@app.command()
def token(
    token_id: int | None = typer.Argument(
        None, help="With --revoke: the id of the one token to revoke (all of them without it)."
    ),
    revoke: bool = typer.Option(False, "--revoke", help="Revoke all tokens, or the one named."),
    list_: bool = typer.Option(False, "--list", help="List the tokens (ids and dates only)."),
    as_json: bool = typer.Option(False, "--json", help="With --list: print JSON."),
    user: str | None = typer.Option(
        None,
        "--user",
        help="On a multi-user server: the account (email) whose tokens these are.",
    ),
) -> None:
    """Print a new personal access token, once: send it as `Authorization: Bearer TOKEN`.
    Only a digest of it is kept, so it cannot be shown again."""
    from onward.cli import render
    from onward.cli.context import workspace
    from onward.errors import InvalidInput
    from onward.services import api_tokens

    if revoke and list_:
        raise InvalidInput("choose --revoke or --list, not both")
    if token_id is not None and not revoke:
        raise InvalidInput("a token id goes with --revoke", hint="add --revoke to revoke it")
    ws = workspace()
    if user is not None:
        from dataclasses import replace

        from onward.domain.records import Owner
        from onward.services.accounts import find_account

        account = find_account(ws.store, user)
        ws = replace(ws, owner=Owner(account.owner_id, account.email))
    if list_:
        tokens = api_tokens.list_api_tokens(ws.store, ws.owner)
        if as_json:
            render.print_json([t.__dict__ | {"active": t.active} for t in tokens])
            return
        out = render.console()
        if not tokens:
            out.print("No API tokens yet.")
        for t in tokens:
            used = formats().moment(t.last_used_at) if t.last_used_at else "never"
            state = "active" if t.active else f"revoked {t.revoked_at:%Y-%m-%d %H:%M}"
            out.print(f"#{t.id}  made {t.created_at:%Y-%m-%d %H:%M}  used {used}  {state}")
        return
    if revoke:
        count = api_tokens.revoke_api_tokens(ws.store, ws.owner, ws.clock, token_id)
        render.ok(f"Revoked {count} API token{'s' if count != 1 else ''}.")
        return
    made = api_tokens.create_api_token(ws.store, ws.owner, ws.clock)
    print(made.secret)
    render.err_console().print(
        f"API token #{made.token.id}: keep it somewhere safe; it will not be shown again."
    )
