"""Reading what she types: dates and their grammar, addresses, pinyin, text, repeat rules, readings."""
