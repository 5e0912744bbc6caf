from onward.cli.app import main

main()
