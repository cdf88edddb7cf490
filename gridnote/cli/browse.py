"""``gridnote browse``: the notebook in Datasette on 127.0.0.1, numbers masked unless ``--full``."""

from gridnote.cli._common import notebook, out
from gridnote.cli.params import FullOpt, PortOpt


def browse(
    port: PortOpt = 8001,
    full: FullOpt = False,
) -> None:
    """Open the notebook in Datasette on 127.0.0.1: titles and labels in her language, codes named, numbers masked.

    Tables for the register and the work (residents, households, visits, readings, tasks,
    issues, events) with phone and ID numbers and the numbers in notes masked, the codes'
    names in Chinese and English, the search index hidden. --full shows every table as it
    is and allows SQL. Needs the browse extra: pip install 'gridnote[browse]'.

    Example: gridnote browse   ·   gridnote browse --port 8002 --full
    """
    from gridnote.errors import FileError
    from gridnote.messages.i18n import lang, t
    from gridnote.output.datasette import datasette_command, metadata, run, write_files
    from gridnote.render.browse import notebook_surface
    from gridnote.render.common import note
    from gridnote.services.browse import prepare

    nb = notebook()
    names = prepare(nb)
    meta = metadata(notebook_surface(names.tables), nb.path.stem, names.tables, names.views, full=full)
    files = write_files(nb.path.with_name(nb.path.name + ".browse"), meta, full=full, lang=lang(), force=True)
    command = datasette_command(nb.path, files, port=port)
    if command is None:
        raise FileError("browse.no_datasette")
    out().print(note("browse.browsing", port=port, masked="" if full else t("browse.masked")))
    run(command)
