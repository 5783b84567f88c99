"""A file whose pairs could not be checked (a date past every rate table) still says where its
date came from: `--date` is "set by hand", never "no date known"."""

import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_d4ab128e2416e759.txt"


def test_a_date_past_the_tables_is_said_as_set_by_hand():
    run = subprocess.run([sys.executable, "-m", "checker", "lint", str(SEED), "--date", "9999-12-31", "--color", "never"],
                         capture_output=True, text=True)
    assert "could not check" in run.stdout
    assert "as of 31 December 9999 (set by hand)" in run.stdout and "no date known" not in run.stdout
