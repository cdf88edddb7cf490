"""Texts have one length limit, whichever command writes them."""

from __future__ import annotations


def test_texts_have_one_length_limit_whatever_path_they_take(cli, demo, nb) -> None:
    long = "长" * 600
    follow = cli("log", "李奶奶", "看望", "--follow-up", f"明天: {long}")
    assert follow.exit_code == 2 and "the text is too long (600 characters; 500 at most)" in follow.stderr
    assert nb.scalar("SELECT count(*) FROM visits") == 0
    for args in (["issue", "add", long], ["event", "add", long, "--at", "14:00"], ["log", "李奶奶", "长" * 2001]):
        result = cli(*args)
        assert result.exit_code == 2 and "the text is too long" in result.stderr, args
