from readerapp.cli.main import main

raise SystemExit(main())
