package tj.migrantsguide.app

import java.io.PrintStream
import java.nio.charset.StandardCharsets
import kotlin.system.exitProcess
import tj.migrantsguide.app.cli.CommandLine
import tj.migrantsguide.app.cli.runCommand
import tj.migrantsguide.app.shell.openWindow

/** Entry point of `migrants-guide.jar`: a command when one is given, else the window. */
fun main(args: Array<String>) {
    val out = PrintStream(System.out, true, StandardCharsets.UTF_8)
    val err = PrintStream(System.err, true, StandardCharsets.UTF_8)
    val command = try {
        CommandLine.parse(args.toList())
    } catch (e: CommandLine.UsageError) {
        err.println(e.message)
        err.print(CommandLine.USAGE)
        exitProcess(2)
    }
    // Screenshots need no display; say so before anything touches AWT, so that they work on a server too.
    if (command is CommandLine.Command.TakeScreenshot || command is CommandLine.Command.Export) {
        System.setProperty("java.awt.headless", "true")
    }
    when (command) {
        is CommandLine.Command.Window -> openWindow(command.dataDirectory)
        else -> exitProcess(runCommand(command, out, err))
    }
}
