"""The benchmark's page from saved runs: two runs (the full one and the million-paper one)
combine into one page with a growth table, the 1M budgets, wall times and skips; a file
saved before those existed still renders. Figures are made up here: no timing is asserted."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.report import (
    KEPT_MARKER,
    Run,
    load_run,
    main,
    merge_runs,
    per_decade,
    render_run,
    save_results,
    save_run,
)
from benchmarks.sections import load_sections
from benchmarks.stats import Figure


def _run(size: int, parse_commit_s: float, indexed_s: float, term_ms: float) -> Run:
    figures = [
        Figure(
            "import",
            "parse + commit (visible in the table)",
            "-",
            [parse_commit_s],
            [],
            size,
            "papers/s",
        ),
        Figure(
            "import",
            "fully indexed (parse + commit + index)",
            "tantivy",
            [indexed_s],
            [],
            size,
            "papers/s",
        ),
        Figure("search", "term", "tantivy", [term_ms / 2000, term_ms / 1000]),
        Figure("gui", "keystroke to updated table", "tantivy", [0.1, 0.3]),
        Figure("gui", "peak RSS of the window (MB)", "tantivy", [700.0], unit="MB"),
    ]
    return Run(
        {size: figures},
        [f"Written by a run of {size:,} papers."],
        {size: [f"Whoosh (left out at {size:,})"]},
        {size: {"generate": 10.0, "import": indexed_s}},
    )


def test_two_saved_runs_render_as_one_page_with_growth(tmp_path: Path) -> None:
    save_run(tmp_path / "full.json", _run(1_000, 0.1, 0.2, 10))
    save_run(tmp_path / "million.json", _run(1_000_000, 100.0, 240.0, 80))

    assert (
        main(
            [
                str(tmp_path / "full.json"),
                str(tmp_path / "million.json"),
                "-o",
                str(tmp_path / "page.md"),
            ]
        )
        == 0
    )
    page = (tmp_path / "page.md").read_text(encoding="utf-8")

    growth = page[page.index("## Growth") : page.index("## Run time")]
    assert "| figure | engine | 1,000 | 1,000,000 | per 10x |" in growth
    # 10,000 papers/s at 1k, 10,000/s at 1M: flat; term p95 10 ms to 80 ms: x2 per 10x.
    assert "| import: parse + commit (median) | - | 10,000/s | 10,000/s | x1.00 |" in growth
    assert "| search p95: term | tantivy | 10.0 ms | 80.0 ms | x2.00 |" in growth
    # The million-paper budgets are judged from the 1M run, the 100k ones from the other.
    assert (
        "| 1M: imported and fully indexed ≤ 5 min (tantivy, 1,000,000) | 4.0 min end to end" in page
    )
    assert (
        "1M: keystroke to updated table ≤ 200 ms (tantivy, 1,000,000) | "
        "keystroke to updated table 300 ms | **no**" in page
    )
    assert (
        "1M: the window's resident memory ≤ 1 GB (tantivy, 1,000,000) | "
        "peak RSS of the window (MB) 700 MB | yes" in page
    )
    assert "import: parse and commit to SQLite ≥ 20,000 papers/s at 1,000 |" in page
    assert "at 1,000,000 |" not in page.split("## Growth")[0].replace("(tantivy, 1,000,000)", "")
    assert "- at 1,000,000 papers: Whoosh (left out at 1,000,000)" in page
    assert "| import | 0 s | 4.0 min |" in page
    assert "Written by a run of 1,000 papers." in page
    assert "**Also from another run.** Written by a run of 1,000,000 papers." in page


def test_a_later_run_replaces_the_same_figures_of_the_same_size() -> None:
    first, second = _run(1_000, 0.1, 0.2, 10), _run(1_000, 0.1, 0.2, 40)
    second.results[1_000] = [f for f in second.results[1_000] if f.section == "search"]

    merged = merge_runs([first, second])

    figures = merged.results[1_000]
    assert [f.p95 for f in figures if f.section == "search"] == [40.0]
    assert len(figures) == len(first.results[1_000])


def test_a_run_saved_before_wall_times_renders_in_the_old_form(tmp_path: Path) -> None:
    run = _run(100_000, 5.0, 20.0, 30)
    save_results(tmp_path / "old.json", run.results, run.header)
    assert "walltime" in json.loads((tmp_path / "old.json").read_text(encoding="utf-8"))

    data = json.loads((tmp_path / "old.json").read_text(encoding="utf-8"))
    del data["walltime"], data["skipped"]
    (tmp_path / "old.json").write_text(json.dumps(data), encoding="utf-8")
    assert main([str(tmp_path / "old.json"), str(tmp_path / "old.md"), "Quiet machine."]) == 0

    page = (tmp_path / "old.md").read_text(encoding="utf-8")
    assert "Quiet machine." in page
    assert "## Run time" not in page and "## Growth" not in page
    assert (
        "| import: fully indexed ≥ 8,000 papers/s with tantivy at 100,000 | median 5,000/s" in page
    )
    assert load_run(tmp_path / "old.json").walltime == {}
    assert render_run(load_run(tmp_path / "old.json"), load_sections()) == page.replace(
        "\n\nQuiet machine.", ""
    )


def test_writing_the_page_again_keeps_the_hand_written_part(tmp_path: Path) -> None:
    page = tmp_path / "benchmarks.md"
    page.write_text(f"# Old figures\n\n{KEPT_MARKER}\n\n## Start-up\n\nBy hand.\n", "utf-8")
    save_run(tmp_path / "run.json", _run(1_000, 0.1, 0.2, 10))

    assert main([str(tmp_path / "run.json"), "-o", str(page)]) == 0

    text = page.read_text(encoding="utf-8")
    assert "Old figures" not in text and "Written by a run of 1,000 papers." in text
    assert text.endswith(f"{KEPT_MARKER}\n\n## Start-up\n\nBy hand.\n")


def test_growth_per_decade() -> None:
    assert per_decade([(1_000, 2.0), (100_000, 200.0)]) == 10.0
    assert per_decade([(1_000, 2.0)]) is None
