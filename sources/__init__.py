"""Outlets and the articles they publish, and how they get into the workbench."""
