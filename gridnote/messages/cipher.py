"""Messages: encryption at rest (``gridnote encrypt``, ``decrypt``, opening an encrypted notebook)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "cipher.needs_extra": (
        "this notebook is encrypted, and opening it needs the encrypt extra: {command}",
        "该笔记本已加密，打开它需要安装加密组件：{command}",
    ),
    "cipher.needs_extra_to_encrypt": (
        "encrypting needs the encrypt extra: {command}",
        "加密需要安装加密组件：{command}",
    ),
    "cipher.no_key": (
        "the notebook {path} is encrypted: give its key in {variable} (a file) or GRIDNOTE_KEY, "
        "or run the command on a terminal to be asked",
        "笔记本 {path} 已加密：请在 {variable}（密钥文件）或 GRIDNOTE_KEY 中给出密钥，或在终端中运行以输入密钥",
    ),
    "cipher.wrong_key": (
        "the key does not open {path} (or it is not a notebook); nothing was changed",
        "该密钥打不开 {path}（或者它不是笔记本），未做任何改动",
    ),
    "cipher.ask_key": ("Key for {path}", "{path} 的密钥"),
    "cipher.ask_new_key": ("New key for {path}", "{path} 的新密钥"),
    "cipher.ask_again": ("The same key again", "再输入一次密钥"),
    "cipher.keys_differ": ("the two keys differ; nothing was changed", "两次输入的密钥不一致，未做任何改动"),
    "cipher.key_file_unreadable": ("cannot read the key file {path}: {reason}", "无法读取密钥文件 {path}：{reason}"),
    "cipher.key_file_empty": ("the key file {path} is empty", "密钥文件 {path} 是空的"),
    "cipher.key_needed": (
        "give the new key in GRIDNOTE_KEY_FILE (a file) or GRIDNOTE_KEY, or run the command on a terminal to be asked",
        "请在 GRIDNOTE_KEY_FILE（密钥文件）或 GRIDNOTE_KEY 中给出新密钥，或在终端中运行以输入密钥",
    ),
    "cipher.already": ("the notebook {path} is already encrypted", "笔记本 {path} 已经加密"),
    "cipher.not_encrypted": ("the notebook {path} is not encrypted", "笔记本 {path} 没有加密"),
    "cipher.busy": (
        "another gridnote wrote to {path} while it was being copied; nothing was changed: run it again",
        "复制期间另一个 gridnote 写入了 {path}，未做任何改动：请再运行一次",
    ),
    "cipher.copy_failed": (
        "the new copy did not check out ({what}); the notebook is unchanged",
        "新副本检查未通过（{what}），笔记本未改动",
    ),
    "cipher.remembered": (
        "  The key is kept in the system's keyring: commands here need not ask for it",
        "  密钥已保存在系统钥匙串中：本机的命令无需再询问",
    ),
    "cipher.no_keyring": (
        "no system keyring here: the key is not remembered (use GRIDNOTE_KEY_FILE)",
        "本机没有系统钥匙串：密钥未保存（请用 GRIDNOTE_KEY_FILE）",
    ),
    "cipher.encrypted": (
        "✓ Encrypted {path}; {backups} backups encrypted too. Keep the key safe: without it nothing can be read",
        "✓ 已加密 {path}，{backups} 份备份也已加密。请妥善保管密钥：没有它，任何内容都无法读取",
    ),
    "cipher.decrypted": (
        "✓ Decrypted {path}; {backups} backups decrypted too",
        "✓ 已解密 {path}，{backups} 份备份也已解密",
    ),
    "cipher.backups_left": (
        "{count} backups could not be converted (damaged, or another key): {names}",
        "{count} 份备份无法转换（已损坏或用的是别的密钥）：{names}",
    ),
}
