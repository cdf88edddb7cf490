from gridnote.cli import main

main()
