import NapCLI
