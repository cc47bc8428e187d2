return await Goroutines.Workbook.Cli.WorkbookApp.MainAsync(args);
