import check from '../../shell/checks/download-piped-to-shell.js';
import { dockerfileShellRule } from '../shell-rule.js';

export default dockerfileShellRule(check);
