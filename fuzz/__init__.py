"""Coverage-guided fuzz targets (atheris) and their runner; see fuzz/run.py."""
