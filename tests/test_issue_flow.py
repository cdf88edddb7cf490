def test_review_fixes_in_the_issue_flow(cli, demo, nb) -> None:
    # found on patrol: nobody to tell or rate; close it
    assert cli("issue", "add", "楼道堆物", "-b", "5", "--channel", "walk").exit_code == 0
    assert cli("issue", "resolve", "1", "清理了").exit_code == 0
    told = cli("issue", "tell", "1")
    assert told.exit_code == 4 and "close (gridnote issue close 1)" in told.stderr
    assert cli("issue", "close", "1").exit_code == 0
    # a manual reopen clears a satisfied rating (kept in the timeline)
    assert cli("issue", "add", "下水道堵了", "-r", "张大爷").exit_code == 0
    assert cli("issue", "resolve", "2", "疏通了").exit_code == 0
    assert cli("issue", "rate", "2", "满意").exit_code == 0
    assert cli("issue", "reopen", "2", "又堵了").exit_code == 0
    assert nb.scalar("SELECT rating FROM issues WHERE id = 2") is None
    assert "satisfied" in cli("issue", "show", "2").stdout
    # a deadline already past is a typo
    late = cli("issue", "refer", "2", "--to", "物业", "--due", "昨天")
    assert late.exit_code == 2 and "has already passed" in late.stderr
