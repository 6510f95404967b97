// `check --program <dir>` as one more input of the check command: run the program, save the
// fixture if asked, and hand back the captured stack with what the pack process needs to see
// the project as `pulumi preview` would show it (its directory as PWD, its stack config).
import type { StackInput } from "../engine/model";
import type { SourceLocation } from "./capture";
import { writeFixture } from "./fixture";
import { DEFAULT_TIMEOUT_MS, ProgramError, runProgram } from "./run-program";

export interface ProgramCheckOptions {
    program: string;
    stack?: string;
    preview: boolean;
    organization?: string;
    saveFixture?: string;
    invokeAnswers?: string;
    /** --program-timeout, in seconds, as typed. */
    timeout?: string;
}

export interface ProgramCheckInput {
    file: string;
    input: StackInput & {
        preview: boolean;
        /** For the pack process: PWD is where `pulumi` would run, so stack-file discovery finds Pulumi.<stack>.yaml. */
        env: Record<string, string>;
        stackConfig: Record<string, string>;
        /** Where each resource is constructed, and the project file for findings without a position. */
        program: ProgramSources;
    };
}

export interface ProgramSources {
    /** Pulumi.yaml, absolute. */
    projectFile: string;
    /** URN → source position (absolute file). */
    sources: Record<string, SourceLocation>;
}

export async function loadProgramInput(options: ProgramCheckOptions, note: (message: string) => void): Promise<ProgramCheckInput> {
    let timeoutMs = DEFAULT_TIMEOUT_MS;
    if (options.timeout !== undefined) {
        const seconds = Number(options.timeout);
        if (!Number.isFinite(seconds) || seconds <= 0) throw new ProgramError(`--program-timeout must be a number of seconds, not "${options.timeout}"`);
        timeoutMs = seconds * 1000;
    }
    const capture = await runProgram({
        dir: options.program,
        stack: options.stack,
        preview: options.preview,
        organization: options.organization,
        invokeAnswersFile: options.invokeAnswers,
        timeoutMs,
    });
    const notes = [...capture.notes];
    if (options.saveFixture) {
        try {
            notes.push(...writeFixture(options.saveFixture, capture));
        } catch (e: any) {
            throw new ProgramError(`--save-fixture ${options.saveFixture}: cannot write the fixture (${e?.code ?? "error"})`);
        }
    }
    for (const n of notes) note(`${options.program}: note: ${n}`);
    return {
        file: options.program,
        input: {
            stack: capture.stack,
            project: capture.project,
            secretsProvider: capture.secretsProvider,
            resources: capture.resources,
            preview: capture.preview,
            env: { PWD: capture.programDir },
            stackConfig: capture.stackConfig,
            program: { projectFile: capture.projectFile, sources: capture.sources },
        },
    };
}
