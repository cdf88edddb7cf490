"""``gridnote demo``: load the example grid into an empty notebook."""

from gridnote.cli._common import notebook, out, progress_bar


def demo() -> None:
    """Load the example grid (4 buildings, 317 households, 752 residents) into an empty notebook.

    Use a separate notebook to try gridnote without touching your own:
    gridnote --db demo.db demo && gridnote --db demo.db resident show 李奶奶
    """
    from gridnote.render.residents import demo_summary
    from gridnote.services.demo import load_demo

    nb = notebook()
    with progress_bar() as tick:
        summary = load_demo(nb, progress=tick)
    out().print(demo_summary(summary, nb.path))
