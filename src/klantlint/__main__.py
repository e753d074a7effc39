from klantlint.cli import main

main()
