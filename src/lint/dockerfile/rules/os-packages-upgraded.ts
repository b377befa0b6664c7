import check from '../../shell/checks/os-packages-upgraded.js';
import { dockerfileShellRule } from '../shell-rule.js';

export default dockerfileShellRule(check);
