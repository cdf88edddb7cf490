"""The rules of the work: vocabularies, issue categories and deadlines, readings and thresholds, settings."""
