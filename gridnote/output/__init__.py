"""Files written whole, spreadsheets, and the masking of personal numbers."""
