from gridnote.client import main

main()
