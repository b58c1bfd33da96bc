import sys

from callscrub.cli import main

sys.exit(main())
