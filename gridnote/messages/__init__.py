"""Every user-facing text, in English and Chinese, and the one function that turns a key into text.

:mod:`~gridnote.messages.i18n` decides the language and looks keys up in
:mod:`~gridnote.messages.catalogue`, which merges one module per area.
"""
