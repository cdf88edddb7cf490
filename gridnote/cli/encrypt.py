"""``gridnote encrypt`` and ``gridnote decrypt``: encryption at rest (the ``gridnote[encrypt]`` extra)."""

from __future__ import annotations

from typing import Annotated

import typer

from gridnote.cli._common import STATE, JsonOption, interactive, key_for, out, print_json


def encrypt(
    remember: Annotated[
        bool,
        typer.Option("--remember", help="Keep the key in the system's keyring, so commands need not ask for it."),
    ] = False,
    json_: JsonOption = False,
) -> None:
    """Encrypt the notebook and its backups with a key (needs gridnote[encrypt]).

    The key comes from GRIDNOTE_KEY_FILE (a file: a passphrase, or 64 hex digits used as
    the raw key, which opens faster), GRIDNOTE_KEY, or is asked twice on a terminal.
    Every command then opens the notebook with the key from the same places, or from the
    system's keyring (the Secret Service, the macOS Keychain, the Windows Credential
    Locker) where --remember kept it. The encrypted copy is checked (integrity, every
    row) before one rename puts it in place; killed at any moment, the notebook is the
    old file or the encrypted one.

    Example: gridnote encrypt   ·   GRIDNOTE_KEY_FILE=~/.gridnote.key gridnote encrypt   ·   gridnote encrypt --remember
    """
    from gridnote.errors import InputError
    from gridnote.messages.i18n import t
    from gridnote.services.encryption import encrypt as run
    from gridnote.store import cipher
    from gridnote.store.paths import notebook_path

    path = notebook_path(STATE.db_option)
    cipher.driver("cipher.needs_extra_to_encrypt")  # the extra is missing: say so before asking for a key
    key = cipher.key_from_env()
    if key is None and interactive():
        key = typer.prompt(t("cipher.ask_new_key", path=path), hide_input=True, err=True)
        if typer.prompt(t("cipher.ask_again"), hide_input=True, err=True) != key:
            raise InputError("cipher.keys_differ")
    if not key:
        raise InputError("cipher.key_needed")
    done = run(path, key)
    kept = None
    if remember:
        from gridnote.store.keychain import remember as keep

        kept = keep(path, key)
    if json_:
        print_json(_json(done, remembered=kept))
        return
    _said(done, "cipher.encrypted")
    if kept:
        out().print(t("cipher.remembered"), soft_wrap=True)
    elif kept is False:
        typer.echo(t("cipher.no_keyring"), err=True)


def decrypt(json_: JsonOption = False) -> None:
    """Decrypt the notebook and its backups (its key from GRIDNOTE_KEY_FILE, GRIDNOTE_KEY or a prompt).

    The plain copy is checked before one rename puts it in place.

    Example: gridnote decrypt
    """
    from gridnote.services.encryption import decrypt as run
    from gridnote.store.keychain import forget
    from gridnote.store.paths import notebook_path

    path = notebook_path(STATE.db_option)
    key_for(path)
    done = run(path)
    forget(path)  # a plain notebook needs no key: the keyring keeps none
    if json_:
        print_json(_json(done))
        return
    _said(done, "cipher.decrypted")


def _json(done: object, *, remembered: bool | None = None) -> dict[str, object]:
    """What encrypt or decrypt converted: the notebook, how many backups, the backups left as they were."""
    from gridnote.services.encryption import Converted

    assert isinstance(done, Converted)
    found: dict[str, object] = {
        "version": 1,
        "path": str(done.path),
        "backups": done.backups,
        "left": [str(p) for p in done.left],
    }
    if remembered is not None:
        found["remembered"] = remembered  # encrypt --remember: whether the system's keyring took the key
    return found


def _said(done: object, key: str) -> None:
    from gridnote.messages.i18n import t
    from gridnote.services.encryption import Converted

    assert isinstance(done, Converted)
    out().print(t(key, path=done.path, backups=done.backups), soft_wrap=True)
    if done.left:
        names = ", ".join(p.name for p in done.left)
        typer.echo(t("cipher.backups_left", count=len(done.left), names=names), err=True)
