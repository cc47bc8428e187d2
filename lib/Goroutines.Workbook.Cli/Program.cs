if (args.Length > 0 && args[0] == "images")
    return Goroutines.Workbook.Cli.Images.ImagesCommand.Run(args[1..]);
return await Goroutines.Workbook.Cli.WorkbookApp.MainAsync(args);
