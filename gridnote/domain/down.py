"""What the grid centre sends down (issue 16): the kinds of item, and what a register correction does.

A correction file (``gridnote centre register import``) has the columns of
``resident import`` and, optionally, a change column naming what happened.
"""

from __future__ import annotations

from gridnote.domain.vocab import Term, Vocabulary

DOWN_KINDS = Vocabulary(
    "down kind",
    (
        Term("issue", "dispatched issue", "派单问题"),
        Term("task", "task", "任务"),
        Term("register", "register change", "登记变更"),
    ),
)
REGISTER_OPS = Vocabulary(
    "register change",
    (
        Term("update", "correction", "更正", ("变更", "修改", "更新", "change", "correct")),
        Term("add", "new resident", "新增", ("出生", "新生儿", "迁入", "birth", "new", "moved in")),
        Term("move-out", "moved out", "迁出", ("搬走", "moved", "move out")),
        Term("death", "death", "死亡", ("去世", "亡故", "注销", "died", "deceased")),
    ),
)
# The resident fields a correction may carry, in the order they are shown.
REGISTER_FIELDS = ("name", "address", "alias", "gender", "birth", "phones", "id_number", "note")
# An inbox item's states.
INBOX_STATES = ("pending", "accepted", "declined")
