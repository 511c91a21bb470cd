from async_lint.cli import main

raise SystemExit(main())
