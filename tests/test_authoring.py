"""The authoring toolkit through the real console script: graph, explore, schema and live reload."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml

from benchmarks.generated_story import write_story
from game.authoring.json_schema import story_schema
from game.authoring.watch import StoryWatcher, rebase
from game.explorer.random_explore import SERIAL_BELOW
from game.frontends.plain import play_plain
from game.paths import shipped_story_dir
from game.story.loader import load_story, load_story_or_raise
from game.story.schema import SCHEMAS
from tests.conftest import DATA, MINI, console_script

PLANTED = DATA / "stories" / "planted"
TRAPPED = DATA / "stories" / "trapped"
FORMAT2 = DATA / "stories" / "format2"
APPRENTICE = DATA / "stories" / "apprentice"
"""A story written from the docs alone, by someone who never saw the code: its subject is "he", its narrator "she"."""


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*console_script(), *args], capture_output=True, text=True, input=stdin, timeout=300)


def test_graph_as_dot_and_mermaid(tmp_path: Path) -> None:
    dot = cli("graph").stdout
    assert dot.startswith('digraph "ruby-sparks"') and "subgraph cluster_" in dot
    assert 'label="Act I: The Blank Page"' in dot and "shape=doubleoctagon" in dot
    assert '"first_page" -> "pages_pile_up" [label="page: speaks_french"]' in dot
    assert '[label="page: not about her"]' in dot
    target = tmp_path / "story.mmd"
    assert cli("graph", str(MINI), "--format", "mermaid", "-o", str(target)).returncode == 0
    mermaid = target.read_text()
    assert mermaid.startswith("flowchart LR") and '((("END: A Quiet End")))' in mermaid
    assert '-->|"Sit down and write"|' in mermaid


def test_a_subject_who_is_he_is_him_in_the_graph_and_every_trait_is_typed_by_the_explorer() -> None:
    assert '"ledger" -> "workshop" [label="page: not about him"];' in cli("graph", str(APPRENTICE)).stdout
    report = json.loads(cli("explore", str(APPRENTICE), "--runs", "400", "--format", "json").stdout)
    assert report["unwritten_traits"] == []  # "loyal" needs "he trusts her", the narrator as "her"


def test_a_story_s_credits_are_its_author_and_its_people_before_the_game_s(private_home: Path) -> None:
    """docs/story-format.md: `author` is "shown in the credits", a character's `description` "a line for the credits"."""
    out = io.StringIO()
    play_plain(load_story_or_raise(APPRENTICE), io.StringIO("credits\nquit\n"), out)
    shown = out.getvalue()
    assert "# The Clay Apprentice" in shown and "By Probe Tester." in shown
    assert "- **Oskar**: a clay apprentice" in shown and "- **Tobias**: the workshop cat" in shown
    assert shown.index("By Probe Tester.") < shown.index("## The game") < shown.index("Ruby Sparks: the game")


def test_graph_labels_edges_with_their_conditions() -> None:
    dot = cli("graph", str(MINI)).stdout
    assert '"desk" -> "desk" [label="Make a promise [if not vow]"];' in dot
    assert '"desk" -> "page" [label="Sit down and write"];' in dot
    mermaid = cli("graph", str(TRAPPED), "--format", "mermaid").stdout
    assert '-->|"Wade back across the causeway [if tide > 3]"| n_shore' in mermaid


def test_graph_shades_what_the_playtests_never_reached(tmp_path: Path) -> None:
    """The exhaustive walk of the tidal island never takes the way back: that edge is dashed and grey, every scene
    and the ending are drawn as usual. Planted: the ending `lost` and the hatch out of the attic never happen."""
    report = tmp_path / "trapped.json"
    report.write_text(cli("explore", str(TRAPPED), "--exhaustive", "--format", "json", "--out", str(tmp_path)).stdout)
    dot = cli("graph", str(TRAPPED), "--coverage", str(report)).stdout
    assert "never reached in an exhaustive walk of 3 states and 1,000 random runs" in dot
    assert '"island" -> "shore" [label="Wade back across the causeway [if tide > 3]", style=dashed' in dot
    assert '"island" -> "island" [label="Wait for the tide"];' in dot
    assert "fillcolor" not in dot
    planted = tmp_path / "planted.json"
    planted.write_text(cli("explore", str(PLANTED), "--runs", "50", "--format", "json", "--out", str(tmp_path)).stdout)
    dot = cli("graph", str(PLANTED), "--coverage", str(planted)).stdout
    assert '"lost" [label="END: Lost", shape=doubleoctagon, style="dashed,filled"' in dot
    assert '"home" [label="END: Home", shape=doubleoctagon];' in dot
    assert '"attic" -> "hall" [label="The locked hatch [if key]", style=dashed' in dot
    mermaid = cli("graph", str(PLANTED), "--coverage", str(planted), "--format", "mermaid").stdout.splitlines()
    assert "  class n_lost unreached" in mermaid
    links = [line for line in mermaid if "-->" in line]
    shaded = {links[int(n)] for n in mermaid[-1].split()[1].split(",")}
    assert shaded == {'  n_cellar -->|"Out, with the key [if key]"| n_lost', '  n_attic -->|"The locked hatch [if key]"| n_hall'}


def test_graph_shades_a_page_outcome_no_page_led_to(tmp_path: Path) -> None:
    """The mini story's page has four outcomes; with one taken out of a real report's counts, that edge alone is
    dashed. A report of an older `explore`, with no outcome counts, still counts an outcome whose scene was reached."""
    report = json.loads(cli("explore", str(MINI), "--runs", "200", "--format", "json").stdout)
    assert set(report["outcomes"]) == {"page@1", "page@2", "page@3", "page@4"} and report["untaken_outcomes"] == []
    del report["outcomes"]["page@2"]
    path = tmp_path / "report.json"
    path.write_text(json.dumps(report))
    dot = cli("graph", str(MINI), "--coverage", str(path)).stdout
    assert '"page" -> "after" [label="page: not happy", style=dashed' in dot
    assert '"page" -> "after" [label="page: speaks_french"];' in dot
    del report["outcomes"]
    path.write_text(json.dumps(report))
    assert '"page" -> "after" [label="page: not happy"];' in cli("graph", str(MINI), "--coverage", str(path)).stdout


def test_graph_refuses_a_coverage_file_that_is_not_a_report_of_the_story(tmp_path: Path) -> None:
    missing = cli("graph", str(MINI), "--coverage", str(tmp_path / "none.json"))
    assert missing.returncode == 2 and "no such coverage file" in missing.stderr
    other = tmp_path / "other.json"
    other.write_text(cli("explore", str(PLANTED), "--runs", "5", "--format", "json", "--out", str(tmp_path)).stdout)
    wrong = cli("graph", str(MINI), "--coverage", str(other))
    assert wrong.returncode == 1 and "a report on the story `planted`, not `mini`" in wrong.stderr
    junk = tmp_path / "junk.json"
    junk.write_text("{not json")
    result = cli("graph", str(MINI), "--coverage", str(junk))
    assert result.returncode == 1 and "explore --format json" in result.stderr and "Traceback" not in result.stderr


def test_explore_the_shipped_story_reaches_everything() -> None:
    result = cli("explore", "--runs", "300", "--seed", "5", "--format", "json")
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["ok"]
    assert report["runs"] == 300 and not report["unreached_endings"] and not report["issues"]
    assert set(report["endings"]) == set(load_story_or_raise(shipped_story_dir()).endings)


def test_explore_finds_the_planted_problems_and_hands_back_replays(tmp_path: Path) -> None:
    out = tmp_path / "replays"
    result = cli("explore", str(PLANTED), "--runs", "120", "--jobs", "2", "--format", "json", "--out", str(out))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["unreached_endings"] == ["lost"]
    kinds = {issue["kind"]: issue for issue in report["issues"]}
    assert set(kinds) == {"problem", "dead-end", "endless"}
    assert "division by zero" in kinds["problem"]["message"] and "scenes.yaml:9" in kinds["problem"]["message"]
    shown = cli("replay", "--plain", "--speed", "0", "--story", str(PLANTED), kinds["problem"]["replay"]).stdout
    assert "[story problem at" in shown and "division by zero" in shown


def test_explore_is_the_same_with_one_job_or_several() -> None:
    """Enough runs that the work is shared between processes (fewer stay in one)."""
    runs = str(SERIAL_BELOW * 2)
    one = json.loads(cli("explore", str(PLANTED), "--runs", runs, "--format", "json").stdout)
    two = json.loads(cli("explore", str(PLANTED), "--runs", runs, "--jobs", "2", "--format", "json").stdout)
    for key in ("scenes", "choices", "endings"):
        assert one[key] == two[key]
    assert [i["message"] for i in one["issues"]] == [i["message"] for i in two["issues"]]


def test_exhaustive_proves_reachability_with_replays_that_verify(tmp_path: Path) -> None:
    result = cli("explore", "--exhaustive", "--format", "json", "--out", str(tmp_path))
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["complete"] and not report["unreached_endings"]
    for found in report["endings"].values():
        assert cli("replay", "--verify", found["replay"]).stdout.startswith("valid: ")
    planted = cli("explore", str(PLANTED), "--exhaustive", "--out", str(tmp_path / "p"))
    assert planted.returncode == 1 and "lost: NOT REACHED" in planted.stdout


def test_exhaustive_reports_a_dead_branch_by_file_and_line(tmp_path: Path) -> None:
    """`trust` is clamped to 5, so the new paragraph can never show; `vow` (a choice) and `happy` (written on a page,
    read by a status line) do vary, so neither is reported."""
    story = tmp_path / "story"
    shutil.copytree(MINI, story)
    scenes = story / "scenes.yaml"
    text = scenes.read_text()
    scenes.write_text(
        text.replace(
            '      - {if: "vow", text: "You promised."}\n',
            '      - {if: "vow", text: "You promised."}\n      - {if: "trust > 5", text: "Never."}\n',
        )
    )
    result = cli("explore", str(story), "--exhaustive", "--format", "json", "--out", str(tmp_path / "r"))
    report = json.loads(result.stdout)
    assert result.returncode == 1 and not report["ok"]
    assert report["constant_conditions"] == [{"if": "trust > 5", "where": f"{scenes}:8:15", "always": False}]
    shown = cli("explore", str(story), "--exhaustive", "--out", str(tmp_path / "r")).stdout
    assert "`trust > 5` is false in every state" in shown and "dead branch" in shown


def test_exhaustive_says_clearly_when_it_stops_at_the_limit(tmp_path: Path) -> None:
    result = cli("explore", "--exhaustive", "--limit", "50", "--out", str(tmp_path))
    assert result.returncode == 1
    assert "stopped at the state limit (50 states)" in result.stdout and "unproven" in result.stdout
    assert result.stdout.splitlines()[-1] == "stopped early: not a proof (exit code 1)"


def test_exhaustive_reports_a_trap_and_a_dead_branch(tmp_path: Path) -> None:
    """The tide stops at 3, so the way back (`tide > 3`) never opens: the island is a trap, the condition a dead
    branch, and the choice it guards is never taken. The checker sees the dead branch from the variable's range alone
    (a warning), but not the trap: only the walk proves that no ending can be reached."""
    checked = cli("check", str(TRAPPED), "--strict")
    assert checked.returncode == 1 and "[never-holds]" in checked.stdout and "0 errors, 1 warning" in checked.stdout
    scenes = TRAPPED / "scenes.yaml"
    result = cli("explore", str(TRAPPED), "--exhaustive", "--format", "json", "--out", str(tmp_path))
    report = json.loads(result.stdout)
    assert result.returncode == 1 and report["complete"] and not report["ok"]
    assert report["constant_conditions"] == [{"if": "tide > 3", "where": f"{scenes}:20:14", "always": False}]
    [trap] = report["problems"]
    assert (trap["kind"], trap["where"], trap["confirmed"]) == ("trap", f"{scenes}:10:5", True)
    assert "from the scene `island`, no ending can be reached (4 states in `island`)" in trap["message"]
    shown = cli("replay", "--plain", "--speed", "0", "--story", str(TRAPPED), trap["replay"]).stdout
    assert "## The Island" in shown and "Wade back" not in shown
    assert report["untaken_choices"] == [
        {"choice": "island#2", "label": "Wade back across the causeway", "where": f"{scenes}:19:9"}
    ]
    assert report["scenes"]["island"] > 0 and report["choices"]["island#1"] > 0 and "island#2" not in report["choices"]
    text = cli("explore", str(TRAPPED), "--exhaustive", "--out", str(tmp_path)).stdout
    assert "trap: " in text and "`tide > 3` is false in every state" in text and "is never taken" in text
    assert text.splitlines()[-1] == "problems found"


def test_exhaustive_reports_runtime_problems_and_dead_ends_with_replays(tmp_path: Path) -> None:
    report = json.loads(cli("explore", str(PLANTED), "--exhaustive", "--format", "json", "--out", str(tmp_path)).stdout)
    kinds: dict[str, list[dict[str, str]]] = {}
    for problem in report["problems"]:
        kinds.setdefault(problem["kind"], []).append(problem)
    assert set(kinds) == {"problem", "dead-end", "trap"}
    [division] = [found for found in kinds["problem"] if "division by zero" in found["message"]]
    assert "scenes.yaml:9" in division["message"]
    assert any("`attic` offers no choice" in found["message"] for found in kinds["dead-end"])
    assert any("`cellar`" in found["message"] for found in kinds["trap"])
    shown = cli("replay", "--plain", "--speed", "0", "--story", str(PLANTED), division["replay"]).stdout
    assert "division by zero" in shown


def test_exhaustive_stops_at_its_time_budget_and_says_so(tmp_path: Path) -> None:
    """A generated story of 1,250 scenes takes minutes to search in full (its random runs alone are a million
    steps), so a budget of one second always runs out, however fast the machine."""
    story = write_story(tmp_path / "big", 1_250)
    result = cli("explore", str(story), "--exhaustive", "--max-seconds", "1", "--out", str(tmp_path / "r"))
    assert result.returncode == 1
    assert "then stopped at the time budget (1 s)" in result.stdout and "STOPPED EARLY" in result.stdout
    assert result.stdout.splitlines()[-1] == "stopped early: not a proof (exit code 1)"
    assert "\nok" not in result.stdout
    report = json.loads(cli("explore", str(story), "--exhaustive", "--max-seconds", "1", "--format", "json").stdout)
    assert (report["complete"], report["stopped"], report["ok"]) == (False, "time", False)


@pytest.mark.parametrize("seconds", ["0", "-1", "nan", "soon"])
def test_exhaustive_refuses_a_budget_that_is_not_a_time(seconds: str) -> None:
    result = cli("explore", "--exhaustive", "--max-seconds", seconds)
    assert result.returncode == 2 and "seconds" in result.stderr and "Traceback" not in result.stderr


def test_stats_count_words_choices_and_reading_to_each_ending() -> None:
    """The mini story, counted by hand: the desk's text is 3 words and one of three 1-word variants (8 written), the
    ending says "Trust was 1. The end." The shortest way to it is one input and shows 3 + 1 + 5 words; the longest
    passes each scene once: desk (8 + its longest way out, "Make a promise" and its 5 words), page (its 6-word prompt
    and longest outcome, 3), after (4 + a 2-word choice), and the ending's 5."""
    report = json.loads(cli("stats", str(MINI), "--format", "json").stdout)
    assert (report["scenes"], report["choices"], report["typewriter_moments"], report["endings"]) == (3, 5, 1, 1)
    assert report["words_per_ending"] == {"quiet": 5}
    assert sum(report["words_per_act"].values()) + 5 == report["words"]
    assert report["paths"]["quiet"]["shortest"] == {"inputs": 1, "words": 9, "minutes": 1}
    assert report["paths"]["quiet"]["longest"] == {"scenes": 3, "words": 16 + 9 + 6 + 5, "minutes": 1}
    assert report["variables"]["vow"] == {"scenes": 2, "endings": 0}  # a text block and a choice
    assert report["variables"]["happy"] == {"scenes": 1, "endings": 0}  # the status line
    text = cli("stats", str(MINI)).stdout
    assert "`mini`: " in text and "quiet: shortest 1 input, 9 words" in text and "vow: 2 / 0" in text


def test_stats_text_shows_words_per_act_scene_and_ending_within_80_columns() -> None:
    from game.authoring.stats import stats_text

    scenes = {f"scene_number_{n}": n * 7 for n in range(300)}
    report = {
        "story": "long",
        "words": 1,
        "scenes": 300,
        "endings": 1,
        "choices": 1,
        "typewriter_moments": 1,
        "words_per_act": {"first_act": 10, "second_act": 2_000},
        "words_per_scene": scenes,
        "words_per_ending": {"burned_manuscript": 12_345},
        "paths": {
            "burned_manuscript": {
                "shortest": {"inputs": 10_000, "words": 900_000, "minutes": 4_500},
                "longest": {"scenes": 1, "words": 1_000_000, "minutes": 5_000},
            }
        },
        "variables": {"trust": {"scenes": 1, "endings": 0}},
    }
    text = stats_text(report)
    assert all(len(line) <= 80 for line in text.splitlines()), max(text.splitlines(), key=len)
    assert "1 word in 300 scenes and 1 ending;\n  1 choice, 1 typewriter moment\n" in text
    assert "words per act:\n  first_act 10, second_act 2,000\nwords per scene:\n  scene_number_0 0, scene_number_1 7," in text
    assert "scene_number_299 2,093\nwords per ending:\n  burned_manuscript 12,345\n" in text
    assert "longest 1 scene, 1,000,000 words" in text
    assert len(text.splitlines()) < 150  # 300 scenes, a few to a line, not one a line


@pytest.mark.parametrize("option", ["--jobs", "--runs", "--limit"])
def test_explore_refuses_nonsense_options(option: str) -> None:
    result = cli("explore", str(MINI), option, "0")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "--runs, --jobs and --limit must each be at least 1" in result.stderr and result.stdout == ""


@pytest.mark.parametrize(
    "arguments",
    [
        ("play", "--plain", "--seed", str(2**53 + 1)),  # its replay could not keep it exactly
        ("explore", "--seed", "-99999999999999999999"),
        ("replay", "assets/replays/film.json", "--plain", "--speed", "-1"),
        ("replay", "assets/replays/film.json", "--plain", "--speed", "nan"),
    ],
)
def test_a_seed_or_speed_out_of_range_is_a_usage_error(arguments: tuple[str, ...]) -> None:
    result = cli(*arguments, stdin="")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"'{arguments[-1]}' is not a " in result.stderr


def _story_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.yaml") if p.name != "outline.yaml")


@pytest.mark.parametrize("root", [shipped_story_dir(), MINI, PLANTED], ids=["shipped", "mini", "planted"])
def test_every_valid_story_file_matches_the_schema(root: Path) -> None:
    validator = jsonschema.Draft202012Validator(story_schema())
    for path in _story_files(root):
        errors = list(validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8"))))
        assert not errors, f"{path}: {errors[0].message}"


def test_the_schema_and_the_loader_agree_on_every_key(story_copy: Path) -> None:
    schema = story_schema()
    for name, keys in SCHEMAS.items():
        properties = schema["$defs"][name]["properties"]
        assert set(properties) == {key.name for key in keys}
        assert set(schema["$defs"][name].get("required", [])) == {key.name for key in keys if key.required}
    validator = jsonschema.Draft202012Validator(schema)
    manifest = yaml.safe_load((story_copy / "story.yaml").read_text())
    manifest["colour"] = "red"
    assert list(validator.iter_errors(manifest))
    (story_copy / "story.yaml").write_text(yaml.safe_dump(manifest))
    assert "unknown-key" in cli("check", str(story_copy)).stdout


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("endings:\n", "categories:\n  - {name: x%, finish: first}\nendings:\n", "bad-category"),
        ("endings:\n", "categories:\n  - {name: x%, seed: -1}\nendings:\n", "bad-category"),
        ("endings:\n", "categories:\n  - {name: x%, seed: 2147483648}\nendings:\n", "bad-category"),
        ("endings:\n", "categories:\n  - {name: 'x %'}\nendings:\n", "bad-id"),
        ("endings:\n", "categories:\n  - {name: x%, seed: '7'}\nendings:\n", "wrong-type"),
        ("min: 0, max: 5", "min: low, max: 5", "wrong-type"),
        ("min: 0, max: 5", "min: 0, max: 1.0e+300", "bad-range"),
        ("vow: {type: bool, default: false}", "vow: {type: bool, default: 1}", "bad-default"),
        ("default: 1, min: 0", "default: 1.5, min: 0", "bad-default"),
        ("default: english", "default: english, min: 0", "bad-range"),
        ("vow: {type: bool, default: false}", "vow: {type: bool, default: false, max: 1}", "bad-range"),
        ("vow: {type: bool, default: false}", "vow: {type: bool, default: false, values: [a]}", "bad-range"),
    ],
)
def test_the_schema_refuses_what_check_refuses(tmp_path: Path, old: str, new: str, code: str) -> None:
    """The schema an editor checks as the author types agrees with `check`, so a value it passes is not refused later."""
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    manifest = root / "story.yaml"
    assert old in manifest.read_text()
    manifest.write_text(manifest.read_text().replace(old, new, 1))
    _story, diagnostics = load_story(root)
    assert code in {d.code for d in diagnostics.errors}
    assert list(jsonschema.Draft202012Validator(story_schema()).iter_errors(yaml.safe_load(manifest.read_text())))


def test_graph_shows_a_label_as_the_player_reads_it_in_both_formats(tmp_path: Path) -> None:
    from game.authoring.graph import to_dot, to_mermaid

    (tmp_path / "story.yaml").write_text(
        'format: 2\nid: labels\ntitle: Labels\nversion: "1"\nstart: desk\n'
        "variables:\n  sealed: {type: bool, default: false}\n  ink: {type: int, default: 2}\n"
        "endings:\n  - {id: out, title: Out, text: Bye.}\n",
        encoding="utf-8",
    )
    (tmp_path / "scenes.yaml").write_text(
        "scenes:\n  - id: desk\n    text: A desk.\n    choices:\n"
        '      - {label: "{if sealed: Post it | Seal it} ({ink})", to: out}\n',
        encoding="utf-8",
    )
    story = load_story_or_raise(tmp_path)
    shown = "Post it ({ink}) / Seal it ({ink})"
    assert f'"desk" -> "out" [label="{shown}"]' in to_dot(story)
    assert f'n_desk -->|"{shown}"| n_out' in to_mermaid(story)


def test_check_given_a_file_names_the_folder_to_check(tmp_path: Path) -> None:
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    result = cli("check", str(root / "story.yaml"))
    assert result.returncode == 2
    assert f"{root / 'story.yaml'} is a file; check the story folder that holds it: ruby-sparks check {root}" in result.stderr


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (("nope",), "no such story folder: nope"),
        ((str(MINI), "--outline", "nope.yaml"), "no such outline file: nope.yaml"),
        ((str(MINI / "story.yaml"),), "is a file"),
        ((str(MINI), "--colour"), "unrecognized arguments: --colour"),
    ],
)
def test_check_as_json_says_a_usage_error_as_json(arguments: tuple[str, ...], words: str) -> None:
    result = cli("check", *arguments, "--format", "json")
    assert result.returncode == 2 and result.stderr == ""
    report = json.loads(result.stdout)
    assert report["ok"] is False and words in report["usage_error"] and report["diagnostics"] == []


def test_schema_command_prints_and_writes(tmp_path: Path) -> None:
    printed = json.loads(cli("schema").stdout)
    assert printed["$schema"].endswith("2020-12/schema")
    target = tmp_path / "story.schema.json"
    assert cli("schema", "-o", str(target)).returncode == 0
    assert json.loads(target.read_text()) == printed


class EditingStdin(io.StringIO):
    """Plain-mode input that edits the story between lines, as an author would in another window."""

    def __init__(self, lines: list[str | object]) -> None:
        super().__init__()
        self.script = lines

    def readline(self, size: int | None = -1) -> str:
        while self.script:
            item = self.script.pop(0)
            if callable(item):
                item()
                continue
            return str(item)
        return ""


def test_watch_reloads_keeps_the_place_and_survives_a_broken_edit(story_copy: Path) -> None:
    scenes = story_copy / "scenes.yaml"

    def edit_text() -> None:
        scenes.write_text(scenes.read_text().replace("The typewriter waits.", "The typewriter hums."))

    def break_file() -> None:
        scenes.write_text(scenes.read_text() + "\n  - id: [broken\n")

    def remove_after() -> None:
        text = scenes.read_text().split("\n  - id: [broken")[0]
        scenes.write_text(text.replace("id: after", "id: afterwards").replace("to: after", "to: afterwards"))

    story = load_story_or_raise(story_copy)
    out = io.StringIO()
    stdin = EditingStdin(
        ["2\n", edit_text, "look\n", break_file, "look\n", "1\n", "Ruby is cheerful.\n", "\n", remove_after, "look\n"]
    )
    play_plain(story, stdin, out, watch=True)
    text = out.getvalue()
    assert "[The story was reloaded; you are where you were.]" in text
    assert "The typewriter hums." in text
    assert "[The story has errors; the last good version keeps playing:" in text and "yaml-syntax" in text
    assert "The scene `after` is gone from the story" in text


def test_rebase_keeps_values_that_still_fit(story_copy: Path) -> None:
    story = load_story_or_raise(story_copy)
    from game.engine import new_game
    from game.records import replace

    state, _ = new_game(story)
    state = replace(state, variables={**state.variables, "trust": 4, "language": "french"})
    manifest = story_copy / "story.yaml"
    manifest.write_text(
        manifest.read_text().replace("max: 5,", "max: 3,").replace("values: [english, french]", "values: [english]")
    )
    scenes = story_copy / "scenes.yaml"  # an effect that sets a value no longer allowed is now an error at load
    scenes.write_text(scenes.read_text().replace("language = 'french'", "language = 'english'"))
    moved, message = rebase(state, load_story_or_raise(story_copy))
    assert moved.variables["trust"] == 3 and moved.variables["language"] == "english"
    assert "where you were" in message


def test_watcher_notices_added_changed_and_removed_files(story_copy: Path) -> None:
    watcher = StoryWatcher(story_copy)
    assert not watcher.changed()
    (story_copy / "more.yaml").write_text("scenes: []\n")
    assert watcher.changed() and not watcher.changed()
    (story_copy / "more.yaml").unlink()
    assert watcher.changed()


async def test_the_tui_reloads_an_edited_story_in_place(story_copy: Path) -> None:
    from game.tui.app import RubySparksApp
    from game.tui.game_screen import GameScreen
    from tests.tui_helpers import SIZE, game_screen, ready, wait_until

    app = RubySparksApp(story_copy, animate=False, blink=False, watch=True)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, GameScreen))
        scenes = story_copy / "scenes.yaml"
        scenes.write_text(scenes.read_text().replace("The typewriter waits.", "The typewriter hums."))
        app.check_for_edits()
        await wait_until(pilot, lambda: "The typewriter hums." in game_screen(pilot).view.plain_text)
        scenes.write_text("scenes: [oops\n")
        app.check_for_edits()  # a broken edit is only reported: the scene stays as it was
        assert "The typewriter hums." in game_screen(pilot).view.plain_text


def test_mini_story_copy_is_independent(story_copy: Path) -> None:
    assert (story_copy / "story.yaml").exists() and story_copy != MINI
    shutil.rmtree(story_copy)
    assert (MINI / "story.yaml").exists()


def test_scenes_passed_through_count_as_reached() -> None:
    """`door` goes on with `next` and `storm_talk` is called and returns: no input ever rests in them, but the player
    reads both, so neither random runs nor the walk may call them never reached."""
    random_report = json.loads(cli("explore", str(FORMAT2), "--runs", "50", "--format", "json").stdout)
    assert random_report["unreached_scenes"] == [] and random_report["scenes"]["door"] > 0
    walk = json.loads(cli("explore", str(FORMAT2), "--exhaustive", "--format", "json").stdout)
    assert walk["unreached_scenes"] == [] and walk["scenes"]["storm_talk"] > 0


def test_graph_draws_next_call_and_fallback_edges() -> None:
    mermaid = cli("graph", str(FORMAT2), "--format", "mermaid").stdout
    assert '  n_door -->|"next"| n_shore' in mermaid
    assert '  n_shore -->|"Ask about the storm (call)"| n_storm_talk' in mermaid
    assert '  n_shore -->|"fallback"| n_dawn' in mermaid
    assert "n_return" not in mermaid  # a subroutine's `return` goes back to its caller, not to a node


def test_exhaustive_keeps_visit_counts_apart_up_to_what_conditions_ask(tmp_path: Path) -> None:
    """`Leave` needs a third visit: the walk must tell one, two and three visits apart to reach the ending, and the
    exact search that confirms a trap must keep counts too, or the hall would be a false trap."""
    story = tmp_path / "visits"
    story.mkdir()
    (story / "story.yaml").write_text(
        'format: 2\nid: visits\ntitle: Visits\nversion: "1"\nstart: hall\nendings:\n  - {id: home, title: Home, text: Out.}\n'
    )
    (story / "scenes.yaml").write_text(
        "scenes:\n  - id: hall\n    text: You wait.\n    choices:\n      - {label: Wait, to: hall}\n"
        '      - {label: Leave, if: "visits(hall) >= 3", to: home}\n'
    )
    result = cli("explore", str(story), "--exhaustive", "--format", "json", "--out", str(tmp_path / "r"))
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["ok"], report
    assert report["endings"]["home"]["inputs"] == 3 and report["problems"] == []
