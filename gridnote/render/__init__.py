"""Pure functions from models to Rich renderables and export files. They never query."""
