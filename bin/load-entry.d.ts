/** Loads `src/<relative>.ts`'s code: from lib/ when it is current, else through ts-node. */
export declare function loadEntry(relative: string): any;
/** True when every .ts under `src` has a .js under `lib` that is at least as new. */
export declare function libIsCurrent(src: string, lib: string): boolean;
