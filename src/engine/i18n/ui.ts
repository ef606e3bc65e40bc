/**
 * The task pane's texts added to the product's catalogues. Every pane module that says
 * something imports this module for that effect, so the texts are there whichever of them runs
 * first, and the custom functions' bundle and the command line, which import none of them, stay
 * without them.
 */
import { addCatalogue } from "./index";
import { uiEn } from "./ui-en";
import { uiZh } from "./ui-zh";

addCatalogue("en", uiEn);
addCatalogue("zh", uiZh);
