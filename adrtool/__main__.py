from adrtool.cli import main

raise SystemExit(main())
