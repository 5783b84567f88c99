"""figcheck's version, in a module of its own so any stage can read it without importing the
package facade (checker/__init__.py), which sits above every stage."""

__version__ = "0.1.0"
