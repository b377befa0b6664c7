import check from '../../shell/checks/pointless-command.js';
import { dockerfileShellRule } from '../shell-rule.js';

export default dockerfileShellRule(check);
