"""Every command has help text and is documented, and the README's commands exist."""
import re
from pathlib import Path

from click.testing import CliRunner

from communique.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = "\n".join(p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])


def test_every_command_has_help_and_is_documented():
    runner = CliRunner()
    for name, command in main.commands.items():
        assert command.help, f"communique {name} has no help text"
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, result.output
        assert re.search(rf"communique {name}\b", DOCS), f"communique {name} is not in README.md or docs/"


def test_readme_commands_name_real_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    used = set(re.findall(r"^communique (\w+)", readme, re.M)) | set(re.findall(r"communique (\w+) ", readme))
    used &= {w for w in used if w.islower()}
    assert used, "the README shows no command"
    unknown = {u for u in used if u not in main.commands}
    assert not unknown - {"does", "is", "on"}, unknown


def test_readme_links_point_to_files():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for link in re.findall(r"\]\(((?:docs|examples)/[^)#]+)\)", readme):
        assert (ROOT / link).exists(), link


def test_the_readme_shows_what_the_first_command_prints():
    """The README's sample of `communique extract examples --format table` is that command's output."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"What the first command prints.*?\n```\n(.*?)```", readme, re.S).group(1)
    doc_id = shown.split()[0]
    result = CliRunner().invoke(main, ["extract", str(ROOT / "examples"), "--format", "table"])
    assert result.exit_code == 0, result.output
    blocks = {b.split()[0]: b.strip("\n") for b in result.stdout.split("\n\n") if b.strip()}
    assert blocks[doc_id] == shown.strip("\n")
